package be.carnet.client.briefing;

import be.carnet.client.enrolment.AfterEnrolment;
import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.web.Notice;

/** Downloads the mission's briefings right after enrolment and words the outcome for the enrolment page. */
public final class FirstBriefings implements AfterEnrolment {

    private final BundleService bundles;

    public FirstBriefings(BundleService bundles) {
        this.bundles = bundles;
    }

    @Override
    public Notice enrolled(Enrolment enrolment) {
        BundleUpdate update = bundles.update();
        return switch (update.outcome()) {
            case INSTALLED, UNCHANGED -> Notice.info("client.enrol.done.withBriefings", enrolment.missionName(),
                    update.version());
            case REJECTED, WORK_FACTOR_TOO_HIGH -> Notice.error("client.enrol.done.bundleRejected",
                    enrolment.missionName());
            case AGENCY_FAILED -> Notice.error("client.enrol.done.noBriefings", enrolment.missionName());
            case NEEDS_PASSPHRASE, WRONG_PASSPHRASE -> Notice.error("client.enrol.done.needsPassphrase",
                    enrolment.missionName());
        };
    }
}
