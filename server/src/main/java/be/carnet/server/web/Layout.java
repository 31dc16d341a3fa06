package be.carnet.server.web;

import be.carnet.i18n.Language;
import be.carnet.i18n.Translator;
import be.carnet.server.form.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What every page's frame needs: the staff member's language, their session's CSRF token for the
 * header forms, who is logged in, and the path to come back to after a language change.
 *
 * @param t the translator in the chosen language
 * @param csrf the session's CSRF token
 * @param staff who is logged in, or {@code null}
 * @param path the current path, a local path starting with {@code /}
 * @param zone the time zone dates are shown in
 */
public record Layout(Translator t, String csrf, Viewer staff, String path, ZoneId zone) {

    /**
     * Who is looking at the page, as far as the frame needs to know.
     *
     * @param username their login name
     * @param admin whether they may administer
     */
    public record Viewer(String username, boolean admin) {
    }

    public Language language() {
        return t.language();
    }

    public boolean signedIn() {
        return staff != null;
    }

    public boolean admin() {
        return staff != null && staff.admin();
    }

    /** A localized date and time in the agency's zone, the zone named; an empty string for {@code null}. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : t.times().inZone(instant, zone);
    }

    /**
     * An incident's {@code occurredAt} where it happened (its offset named) and, when the agency's clock
     * showed another time, the agency's in brackets; the text marked unreadable when it is not a time.
     */
    public String occurredAt(String occurredAt) {
        return t.times().occurredAtForAgency(occurredAt, zone);
    }

    /** The rule {@code e} names, in this language: "The field “Name”: must not be empty". */
    public String describe(InvalidInputException e) {
        return t.t("error.field", t.t(e.fieldKey()), t.t(e.ruleKey(), e.ruleArgs()));
    }
}
