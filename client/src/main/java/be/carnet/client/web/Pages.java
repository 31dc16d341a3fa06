package be.carnet.client.web;

import be.carnet.i18n.Messages;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Renders the precompiled jte templates ({@code client/src/main/jte}, package
 * {@code be.carnet.client.jte}), each with one typed page record, and builds the {@link Chrome} every
 * page shares. Thread-safe.
 */
public final class Pages {

    static final String SESSION_ATTRIBUTE = "carnet.session";
    private static final String PRECOMPILED_PACKAGE = "be.carnet.client.jte";

    private final TemplateEngine engine;
    private final Messages messages;
    private final LanguageChoice languages;
    private final Supplier<ZoneId> zone;
    private final BooleanSupplier unlocked;

    /**
     * @param zone the traveller's current zone, asked only when a page shows a time that has no zone of its own
     */
    public Pages(Messages messages, LanguageChoice languages, Supplier<ZoneId> zone, BooleanSupplier unlocked) {
        this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(),
                PRECOMPILED_PACKAGE);
        this.messages = messages;
        this.languages = languages;
        this.zone = zone;
        this.unlocked = unlocked;
    }

    /** Messages and formats in the request's language. */
    public Localizer localizer(Context ctx) {
        return new Localizer(messages.in(languages.current(ctx)), zone);
    }

    /** The frame of a page for this request; takes the session's one-time notice. */
    public Chrome chrome(Context ctx) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        return new Chrome(localizer(ctx), session == null ? null : session.csrf(), ctx.path(),
                session != null && unlocked.getAsBoolean(), session == null ? null : session.takeNotice(),
                back(ctx));
    }

    /** The page to return to after a language switch: the search keeps its query (encoded; see LanguageController). */
    private static String back(Context ctx) {
        if (!"GET".equals(ctx.req().getMethod())) {
            // A page re-rendered after a refused POST has no GET address of its own: go home from there.
            return Paths.HOME;
        }
        String query = ctx.queryParam("q");
        if (Paths.SEARCH.equals(ctx.path()) && query != null && !query.isEmpty()
                && query.length() <= LanguageController.MAX_BACK_QUERY) {
            return Paths.SEARCH + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        }
        return ctx.path();
    }

    /** Renders {@code template} with {@code page} as the response, as UTF-8 HTML. */
    public void render(Context ctx, String template, Object page) {
        StringOutput output = new StringOutput();
        engine.render(template, page, output);
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }

    /** Keeps {@code notice} for the next page of this session and redirects there (303, so the form is not re-sent). */
    public void redirect(Context ctx, String path, Notice notice) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        if (session != null && notice != null) {
            session.flash(notice);
        }
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }
}
