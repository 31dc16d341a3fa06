package be.carnet.client.web;

import be.carnet.protocol.report.Attachment;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** The local server's request size limits, in bytes, shared by the server's configuration and the guards. */
public final class RequestLimits {

    /** Largest ordinary request (a form). */
    public static final long MAX_REQUEST_BYTES = 256 * 1024;
    /** Largest multipart request (an attachment upload): one 5 MiB file plus its form fields. */
    public static final long MAX_UPLOAD_BYTES = Attachment.MAX_BYTES + 64 * 1024;

    /** How much of a refused upload is read and thrown away so the browser sees the answer (loopback: fast). */
    public static final long MAX_DISCARDED_BYTES = 32L * 1024 * 1024;

    private RequestLimits() {
    }

    /**
     * Reads and throws away what is left of a refused request's body, up to {@link #MAX_DISCARDED_BYTES}.
     * Answering while the browser is still sending, and then closing, makes the connection reset, and a
     * reset can discard the answer before the browser reads it: the traveller would see a connection
     * error instead of the page that explains the limit. Nothing read is kept.
     */
    public static void discardBody(Context ctx) {
        byte[] sink = new byte[8192];
        long left = MAX_DISCARDED_BYTES;
        try {
            InputStream body = ctx.req().getInputStream();
            int read;
            while (left > 0 && (read = body.read(sink, 0, (int) Math.min(sink.length, left))) != -1) {
                left -= read;
            }
        } catch (IOException | RuntimeException e) {
            // The body is gone or unreadable already: nothing to drain.
        }
    }
}
