package be.carnet.client.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves one script of {@code be/carnet/client/static}: a file from the class path, so CSP needs no exception. */
public final class Script {

    private static final String FOLDER = "be/carnet/client/static/";
    private final byte[] script;

    /** @param name the file's name in the static folder, e.g. {@code zone.js} */
    public Script(String name) {
        String resource = FOLDER + name;
        try (InputStream in = Script.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public void serve(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }
}
