package be.carnet.client.web;

import be.carnet.i18n.Language;
import java.util.List;

/**
 * What every page's frame needs: the localizer, the session's CSRF token (null without a session), the
 * current path (for the language form and the current nav link), whether the vault is open (the nav and
 * the lock button), and a one-time notice.
 *
 * @param t messages and formats in the traveller's language
 * @param csrf the session's CSRF token, or null when there is no session
 * @param path the path of this page
 * @param unlocked true when the vault is open
 * @param notice a notice to show once, or null
 * @param back where the language switch returns: a path, never with a query (the search page shows the
 *     session's last search again from memory; the page of a refused form that is kept, see {@link KeptForms})
 * @param keep the one-time token of a refused form kept for the language switch, or null
 */
public record Chrome(Localizer t, String csrf, String path, boolean unlocked, Notice notice, String back, String keep) {

    public Language language() {
        return t.language();
    }

    /** The three languages, in the order the switcher shows them. */
    public List<Language> languages() {
        return List.of(Language.FR, Language.NL, Language.EN);
    }

    /** {@code "page"} when {@code navPath} is this page (for aria-current), else null (attribute left out). */
    public String current(String navPath) {
        return path.equals(navPath) ? "page" : null;
    }

    /** The text of the notice, or null. */
    public String noticeText() {
        return notice == null ? null : t.text(notice.key(), notice.args());
    }
}
