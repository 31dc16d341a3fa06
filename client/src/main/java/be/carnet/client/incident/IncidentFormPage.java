package be.carnet.client.incident;

import be.carnet.client.web.Chrome;
import be.carnet.client.web.FieldError;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import java.util.List;

/**
 * The incident form, empty or with what was typed and the rules it broke.
 *
 * @param chrome the page frame
 * @param values the values to show (prefilled, or as typed)
 * @param errors the broken rules, in field order
 * @param zones the time zones offered
 * @param enrolled false when the incident will wait for enrolment to be signed and sealed
 */
public record IncidentFormPage(Chrome chrome, IncidentInput values, List<FieldError> errors, List<String> zones,
                               boolean enrolled) {

    public IncidentFormPage {
        errors = List.copyOf(errors);
    }

    public List<Category> categories() {
        return List.of(Category.values());
    }

    public List<Severity> severities() {
        return List.of(Severity.values());
    }

    public List<Tlp> tlps() {
        return List.of(Tlp.values());
    }

    /** The error of {@code field}, or null. */
    public FieldError errorOf(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }

    /** The id of the error message of {@code field} (for aria-describedby), or null when it has none. */
    public String errorId(String field) {
        return errorOf(field) == null ? null : "error-" + field;
    }

    /** {@code true} when {@code option} is the value of {@code current} (to mark it selected). */
    public static boolean selected(String current, String option) {
        return option.equals(current);
    }
}
