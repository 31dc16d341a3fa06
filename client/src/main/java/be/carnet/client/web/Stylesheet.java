package be.carnet.client.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the one stylesheet from the class path (no inline style anywhere, so CSP needs no exception). */
public final class Stylesheet {

    private static final String RESOURCE = "be/carnet/client/static/carnet.css";
    private final byte[] css;

    public Stylesheet() {
        try (InputStream in = Stylesheet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public void serve(Context ctx) {
        ctx.contentType("text/css; charset=utf-8").result(css);
    }
}
