package be.carnet.client.web;

import java.util.List;
import java.util.Map;

/**
 * A form kept for one session, opened: the fields the traveller had typed, and the page that shows them
 * again. Kept while the vault was locked ({@link Reason#LOCKED}) or after a refusal, across a language
 * switch ({@link Reason#REFUSED}). Holds what the traveller typed: never log it.
 *
 * @param reason why it was kept
 * @param returnPath the page (a GET path of this app) that shows the form again
 * @param fields the typed fields, each with its values in order (no CSRF token, no file)
 * @param filesLeftOut true when the request carried a file that was not kept
 */
public record KeptForm(Reason reason, String returnPath, Map<String, List<String>> fields, boolean filesLeftOut) {

    /** Why a form was kept. */
    public enum Reason {
        /** Submitted while the vault was locked: shown again (never re-sent) after the unlock. */
        LOCKED,
        /** Refused (errors shown), then the language changed: shown again with its errors in the new language. */
        REFUSED
    }

    public KeptForm {
        fields = Map.copyOf(fields);
    }

    /** The first value of {@code name}, or null when the form did not carry it. */
    public String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return "KeptForm[" + reason + ", " + returnPath + ", " + fields.size() + " fields]";
    }
}
