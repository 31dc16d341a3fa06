package be.carnet.client.briefing;

import be.carnet.client.agency.AgencyException;

/**
 * What a bundle download did.
 *
 * @param outcome what happened
 * @param version the installed version afterwards (0 if none)
 * @param agencyKind why the download failed when {@code outcome} is {@link Outcome#AGENCY_FAILED}
 * @param reason the rule a rejected bundle broke (English, for logs and the technical detail)
 */
public record BundleUpdate(Outcome outcome, long version, AgencyException.Kind agencyKind, String reason) {

    /** What happened. */
    public enum Outcome {
        /** A newer bundle verified and is now installed. */
        INSTALLED,
        /** The agency has the bundle already installed. */
        UNCHANGED,
        /** The downloaded bundle was refused (signature, rollback, hash…); the installed one stays. */
        REJECTED,
        /** The download failed (unreachable, none published…); the installed one stays. */
        AGENCY_FAILED,
        /** The bundle opens only with the mission passphrase, and none was given; the installed one stays. */
        NEEDS_PASSPHRASE,
        /** The mission passphrase given does not open the bundle; the installed one stays. */
        WRONG_PASSPHRASE,
        /**
         * The bundle's mission passphrase slot asks for a higher scrypt work factor than this app allows (a slot
         * made with {@code age -p}); the passphrase was not tried and the installed bundle stays.
         */
        WORK_FACTOR_TOO_HIGH
    }
}
