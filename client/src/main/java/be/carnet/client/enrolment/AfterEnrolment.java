package be.carnet.client.enrolment;

import be.carnet.client.web.Notice;

/**
 * What happens right after a successful enrolment, on the same request (the briefings feature
 * downloads the mission's bundle). An interface here, implemented above, so that enrolment never
 * depends on the features that depend on it.
 */
@FunctionalInterface
public interface AfterEnrolment {

    /** Does the follow-up work and returns the notice the enrolment page shows; never throws for an agency failure. */
    Notice enrolled(Enrolment enrolment);
}
