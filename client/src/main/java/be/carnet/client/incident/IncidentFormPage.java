package be.carnet.client.incident;

import be.carnet.client.web.Chrome;
import be.carnet.client.web.Paths;
import be.carnet.protocol.report.Incident;
import be.carnet.client.form.FieldError;
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
 * @param zones the time zones offered, grouped, with the form's one selected
 * @param enrolled false when the incident will wait for enrolment to be signed and sealed
 * @param devices the traveller's trip devices, the device field's choices
 * @param draft the draft being edited, or null for a new incident
 */
public record IncidentFormPage(Chrome chrome, IncidentInput values, List<FieldError> errors, ZoneList zones,
                               boolean enrolled, List<String> devices, Draft draft) {

    public IncidentFormPage {
        errors = List.copyOf(errors);
        devices = List.copyOf(devices);
    }

    /** Where the form posts: the draft's address, or the journal for a new incident. */
    public String action() {
        return draft == null ? Paths.INCIDENTS : Paths.draft(draft.draftId());
    }

    /** The draft's attachments (none for a new incident). */
    public List<AttachmentInfo> attachments() {
        return draft == null ? List.of() : draft.fields().attachments();
    }

    /** The report id the draft corrects, or null. */
    public String amends() {
        return draft == null || draft.fields().incident().amends().isEmpty() ? null : draft.fields().incident().amends();
    }

    /** The categories whose form asks how long a device was out of sight (T02, T03). */
    public static boolean tracksOutOfSight(Category category) {
        return Incident.tracksOutOfSight(category);
    }

    public static String ticked(String value) {
        return IncidentInput.ticked(value) ? "checked" : null;
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
