package be.carnet.protocol.bundle;

import java.util.Objects;

/**
 * A bundle that is refused; nothing from it was installed. The message names the rule in English, for logs;
 * {@link #reason()} names it for code, so callers can show it in the reader's language.
 */
public class BundleRejectedException extends RuntimeException {

    /** Which rule the bundle broke. */
    public enum Reason {
        /** Not shaped like a Carnet bundle: empty, wrong start, truncated manifest, invalid manifest fields. */
        MALFORMED,
        /** The manifest signature does not verify, or names another agency key. */
        SIGNATURE,
        /** The bundle was built for another mission. */
        WRONG_MISSION,
        /** The bundle is older than the installed one. */
        ROLLBACK,
        /** The bundle has the installed version number but other bytes. */
        SAME_VERSION_OTHER_BYTES,
        /** The payload does not match the size or hash the manifest signs, or the sizes of its files. */
        PAYLOAD,
        /** The payload cannot be decrypted. */
        DECRYPTION,
        /**
         * The mission passphrase slot asks for a higher scrypt work factor than {@link MissionPassphrase#MAX_WORK_FACTOR}
         * (a slot made with {@code age -p}, which writes 18): refused before any scrypt work, whatever the passphrase.
         */
        WORK_FACTOR,
        /** A decrypted file does not match its hash in the manifest. */
        FILE_HASH,
        /** A file path in the manifest is not allowed. */
        PATH,
        /** The bundle or its manifest is larger than allowed. */
        TOO_LARGE
    }

    private final Reason reason;

    public BundleRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public BundleRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Which rule the bundle broke. */
    public Reason reason() {
        return reason;
    }
}
