package be.carnet.server.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies with a hard limit: the declared length is checked first, then the bytes as they come. */
public final class Bodies {

    private static final int CHUNK = 16 * 1024;

    private Bodies() {
    }

    /**
     * The request body of at most {@code maxBytes} bytes.
     *
     * @throws BodyTooLargeException as soon as the declared length or the bytes read pass the limit
     */
    public static byte[] read(Context ctx, int maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        try {
            return read(ctx.req().getInputStream(), maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /** At most {@code maxBytes} from {@code in}; reads one byte past the limit to detect it. */
    public static byte[] read(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(chunk, 0, (int) Math.min(CHUNK, maxBytes + 1L - total))) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
