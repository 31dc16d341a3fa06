package be.carnet.client.web;

import be.carnet.i18n.Messages;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final KeptForms kept;

    /**
     * @param zone the traveller's current zone, asked only when a page shows a time that has no zone of its own
     */
    public Pages(Messages messages, LanguageChoice languages, Supplier<ZoneId> zone, BooleanSupplier unlocked,
                 KeptForms kept) {
        this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(),
                PRECOMPILED_PACKAGE);
        this.messages = messages;
        this.languages = languages;
        this.zone = zone;
        this.unlocked = unlocked;
        this.kept = kept;
    }

    /** Messages and formats in the request's language. */
    public Localizer localizer(Context ctx) {
        return new Localizer(messages.in(languages.current(ctx)), zone);
    }

    /** The frame of a page for this request; takes the session's one-time notice. */
    public Chrome chrome(Context ctx) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        String keptReturn = ctx.attribute(KeptForms.RETURN_ATTRIBUTE);
        return new Chrome(localizer(ctx), session == null ? null : session.csrf(), ctx.path(),
                session != null && unlocked.getAsBoolean(), session == null ? null : session.takeNotice(),
                keptReturn != null ? keptReturn : back(ctx), ctx.attribute(KeptForms.TOKEN_ATTRIBUTE));
    }

    /**
     * The form kept for this page (typed while the vault was locked, or refused before a language switch),
     * opened once; see {@link KeptForms}. For a form kept while locked, the page's notice says the text was
     * kept and is not saved yet (and that a chosen file was not kept). Call before {@link #chrome}.
     */
    public Optional<KeptForm> restored(Context ctx) {
        Optional<KeptForm> form = kept.take(ctx);
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        form.filter(f -> f.reason() == KeptForm.Reason.LOCKED && session != null).ifPresent(f ->
                session.flash(Notice.info(f.filesLeftOut() ? "client.kept.restoredWithoutFile" : "client.kept.restored")));
        return form;
    }

    /**
     * Keeps a refused form ({@code fields}, as typed) so that the language switch on this page shows it again,
     * with its errors, at {@code returnPath}. Call before {@link #chrome}.
     */
    public void keepRefused(Context ctx, String returnPath, Map<String, List<String>> fields) {
        kept.keepRefused(ctx, returnPath, fields);
    }

    /** The page to return to after a language switch; the search page shows its last query again from memory. */
    private static String back(Context ctx) {
        if (Paths.SEARCH.equals(ctx.path())) {
            return Paths.SEARCH;
        }
        if (!"GET".equals(ctx.req().getMethod())) {
            // A page re-rendered after a refused POST has no GET address of its own: go home from there.
            return Paths.HOME;
        }
        return ctx.path();
    }

    /** Shows {@code notice} on the page rendered next in this session (call before {@link #chrome}). */
    public void notice(Context ctx, Notice notice) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        if (session != null) {
            session.flash(notice);
        }
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
