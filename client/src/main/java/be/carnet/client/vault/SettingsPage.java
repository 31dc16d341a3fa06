package be.carnet.client.vault;

import be.carnet.client.web.Chrome;
import be.carnet.client.form.FieldError;
import java.util.List;

/**
 * The settings page: change the passphrase, the idle lock, the duress passphrase. It never says whether
 * a duress passphrase is set (someone forcing the traveller to open Carnet must not learn it there).
 *
 * @param chrome the page frame
 * @param minLength the passphrase minimum, shown before typing
 * @param idleMinutes the idle-lock period to show (in force, or as typed when refused)
 * @param minMinutes the smallest idle-lock period allowed
 * @param maxMinutes the largest idle-lock period allowed
 * @param form which form the errors belong to ({@link #PASSPHRASE}, {@link #IDLE}, {@link #DURESS},
 *        {@link #DURESS_REMOVE}), or null
 * @param errors the broken rules of that form
 */
public record SettingsPage(Chrome chrome, int minLength, String idleMinutes, int minMinutes, int maxMinutes,
                           String form, List<FieldError> errors) {

    public static final String PASSPHRASE = "passphrase";
    public static final String IDLE = "idle";
    public static final String DURESS = "duress";
    public static final String DURESS_REMOVE = "duress-remove";

    public SettingsPage {
        errors = List.copyOf(errors);
    }

    /** {@code "true"} when {@code field} of form {@code which} broke a rule (for aria-invalid), else null. */
    public String invalid(String which, String field) {
        return errorsOf(which).stream().anyMatch(e -> e.field().equals(field)) ? "true" : null;
    }

    /** The errors shown above {@code which} form (empty for the others). */
    public List<FieldError> errorsOf(String which) {
        return which.equals(form) ? errors : List.of();
    }
}
