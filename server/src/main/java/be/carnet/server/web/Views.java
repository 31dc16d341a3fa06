package be.carnet.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Map;

/**
 * Renders the precompiled jte templates (package {@code be.carnet.server.jte}). Each template takes
 * exactly one typed page record named {@code page}; {@link #render} is the only way controllers call it.
 * Thread-safe.
 */
public final class Views implements FileRenderer {

    static final String PAGE = "page";
    private static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine;

    public Views() {
        this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Views.class.getClassLoader(),
                "be.carnet.server.jte");
    }

    /** Renders {@code template} with {@code page} as the HTML response of {@code ctx}. */
    public static void render(Context ctx, String template, Record page) {
        ctx.contentType(HTML);
        ctx.render(template, Map.of(PAGE, page));
    }

    /** The HTML of {@code template} for {@code page}, outside a request (for error pages). */
    public String html(String template, Record page) {
        StringOutput out = new StringOutput();
        engine.render(template, page, out);
        return out.toString();
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        Object page = model.get(PAGE);
        if (model.size() != 1 || !(page instanceof Record record)) {
            throw new IllegalArgumentException("template " + template + " takes exactly one page record");
        }
        return html(template, record);
    }
}
