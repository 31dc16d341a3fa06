package be.carnet.client.web;

import be.carnet.i18n.Language;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** {@code POST /language}: remembers the traveller's language and goes back to the page they were on. */
final class LanguageController {

    /** Only a local path of this app may be gone back to (no scheme, no //host). */
    private static final Pattern LOCAL_PATH = Pattern.compile("/([a-z0-9-]+(/[a-z0-9-]+)*)?");

    private final LanguageChoice languages;
    private final Pages pages;

    LanguageController(LanguageChoice languages, Pages pages) {
        this.languages = languages;
        this.pages = pages;
    }

    void choose(Context ctx) {
        Language.fromCode(ctx.formParam("lang")).ifPresent(languages::choose);
        String back = ctx.formParam("back");
        pages.redirect(ctx, back != null && LOCAL_PATH.matcher(back).matches() ? back : Paths.HOME, null);
    }
}
