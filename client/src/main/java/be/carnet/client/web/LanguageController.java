package be.carnet.client.web;

import be.carnet.i18n.Language;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * {@code POST /language}: remembers the traveller's language and goes back to the page they were on; on a
 * page that showed a refused form, that form comes back with it (see {@link KeptForms}).
 */
public final class LanguageController {

    /** Only a local path of this app may be gone back to (no scheme, no //host). */
    private static final Pattern LOCAL_PATH = Pattern.compile("/([a-z0-9-]+(/[a-z0-9-]+)*)?");

    private final LanguageChoice languages;
    private final Pages pages;
    private final KeptForms kept;

    public LanguageController(LanguageChoice languages, Pages pages, KeptForms kept) {
        this.languages = languages;
        this.pages = pages;
        this.kept = kept;
    }

    /**
     * {@code back} when it is a page of this app to return to (a local path, never with a query: no user text
     * rides in an address), else the home page: a form's return address never leads elsewhere.
     */
    public static String safeBack(String back) {
        boolean local = back != null && LOCAL_PATH.matcher(back).matches();
        return local ? back : Paths.HOME;
    }

    public void choose(Context ctx) {
        Language.fromCode(ctx.formParam("lang")).ifPresent(languages::choose);
        String back = safeBack(ctx.formParam("back"));
        // On a refused form's page the switch carries the form's token: the form is shown again there.
        kept.release(ctx, ctx.formParam("keep"), back);
        pages.redirect(ctx, back, null);
    }
}
