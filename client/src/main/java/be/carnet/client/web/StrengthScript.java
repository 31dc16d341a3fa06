package be.carnet.client.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves {@code strength.js}, the one script: a file from the class path, so CSP needs no exception. */
public final class StrengthScript {

    private static final String RESOURCE = "be/carnet/client/static/strength.js";
    private final byte[] script;

    public StrengthScript() {
        try (InputStream in = StrengthScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public void serve(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }
}
