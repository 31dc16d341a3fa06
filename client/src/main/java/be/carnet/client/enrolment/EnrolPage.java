package be.carnet.client.enrolment;

import be.carnet.client.web.Chrome;
import be.carnet.client.form.FieldError;
import java.time.Instant;
import java.util.List;

/**
 * The enrolment page: the form before enrolment, the status after.
 *
 * @param chrome the page frame
 * @param status the enrolment, or null before
 * @param server the address typed (kept after an error), or empty
 * @param code the enrolment code as typed (kept after an error, so it need not be typed again), or empty
 * @param fieldErrors errors in the form's fields
 * @param errorKey a failure that is not about one field (message key), or null
 * @param errorArgs its placeholders
 */
public record EnrolPage(Chrome chrome, Status status, String server, String code, List<FieldError> fieldErrors,
                        String errorKey, List<Object> errorArgs) {

    /** The code field's {@code maxlength}; longer text is not echoed back. */
    public static final int MAX_CODE_LENGTH = 64;

    public EnrolPage {
        fieldErrors = List.copyOf(fieldErrors);
        errorArgs = List.copyOf(errorArgs);
    }

    /**
     * What the traveller should see of an enrolment (no secret).
     *
     * @param missionName the mission
     * @param alias the traveller's alias
     * @param server the agency address
     * @param agencyFingerprint the pinned agency key's fingerprint, grouped
     * @param enrolledAt when
     */
    public record Status(String missionName, String alias, String server, String agencyFingerprint,
                         Instant enrolledAt) {

        static Status of(Enrolment enrolment) {
            return new Status(enrolment.missionName(), enrolment.alias(), enrolment.server().toString(),
                    enrolment.agencyKey().fingerprintGrouped(), enrolment.enrolledAt());
        }
    }

    /** The error of {@code field}, or null. */
    public FieldError errorOf(String field) {
        return fieldErrors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }
}
