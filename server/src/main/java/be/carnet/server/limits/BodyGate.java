package be.carnet.server.limits;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads request bodies before the application sees them, without holding a thread while a slow client
 * sends: bytes are taken as they arrive (Jetty's asynchronous reads), counted against the body's limit and
 * against a {@link ByteRoom} (in total and per client), and the body must keep to a {@link BodyLimits pace}.
 * Only a complete body is handed on, from memory; a refused one is handed on empty, with the reason in the
 * request attribute {@link #REFUSAL}, so that the application answers it in its own format and closes the
 * connection. Nothing here writes to disk.
 *
 * <p>Which requests are read this way is the {@code rules} function's choice; a request it gives no rule to
 * (no body, or a body the application reads only after its own checks) passes through untouched.
 * Thread-safe; one instance serves the whole server.
 */
public final class BodyGate extends Handler.Wrapper {

    /** The request attribute naming why the body was refused: a {@link Refusal}. */
    public static final String REFUSAL = BodyGate.class.getName() + ".refusal";

    /** Why a body was refused before the application saw it. */
    public enum Refusal {
        /** Larger than the rule allows, by its declared length or by the bytes sent (413). */
        TOO_LARGE,
        /** The room, or the client's share of it, is full (503). */
        BUSY,
        /** Nothing by the end of the grace period, or slower than the minimum rate after it (408). */
        TOO_SLOW
    }

    /**
     * How to read one request's body.
     *
     * @param maxBytes the most bytes the body may have
     * @param room the room its bytes are held in until the answer is sent
     */
    public record Rule(long maxBytes, ByteRoom room) {
    }

    private final Function<Request, Rule> rules;
    private final BodyLimits limits;
    private final Function<Request, String> clients;

    /**
     * @param rules the rule for a request that has a body, or null to pass it through unread
     * @param limits the grace period and minimum rate bodies must keep
     * @param clients the key per-client room is counted under (the peer address, or the forwarded one when
     *     the peer is a trusted proxy)
     */
    public BodyGate(Function<Request, Rule> rules, BodyLimits limits, Function<Request, String> clients) {
        this.rules = rules;
        this.limits = limits;
        this.clients = clients;
    }


    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Rule rule = hasBody(request) ? rules.apply(request) : null;
        if (rule == null) {
            return super.handle(request, response, callback);
        }
        if (request.getLength() > rule.maxBytes()) {
            handOn(refused(request, Refusal.TOO_LARGE), response, callback);
            return true;
        }
        new BodyReader(request, response, callback, rule).start();
        return true;
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private Request refused(Request request, Refusal refusal) {
        request.setAttribute(REFUSAL, refusal);
        return new ContentRequest(request, new ByteBufferContentSource());
    }

    private void handOn(Request request, Response response, Callback callback) {
        if (request.getAttribute(REFUSAL) != null) {
            // The rest of the body is never read: the connection cannot carry another request.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable e) {
            Response.writeError(request, response, callback, e);
        }
    }

    /** A request whose content comes from {@code source} instead of the connection. */
    private static final class ContentRequest extends Request.Wrapper {
        private final Content.Source source;

        ContentRequest(Request request, Content.Source source) {
            super(request);
            this.source = source;
        }

        @Override
        public Content.Chunk read() {
            return source.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            source.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            source.fail(failure);
        }
    }

    /** A byte array output stream whose bytes can be wrapped without a copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        ByteBuffer asBuffer() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }

    /** Reads one body as its bytes arrive; every step runs under its lock, the handing on outside it. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Rule rule;
        private final ByteRoom.Lease lease;
        private final Bytes bytes = new Bytes();
        private final long startNanos = System.nanoTime();
        private Scheduler.Task timer;
        private long read;
        private boolean settled;

        BodyReader(Request request, Response response, Callback callback, Rule rule) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.rule = rule;
            this.lease = rule.room().lease(clients.apply(request));
        }

        void start() {
            // The room is held until the answer is sent: the application works on these bytes until then.
            Request.addCompletionListener(request, failure -> lease.close());
            synchronized (this) {
                timer = getServer().getScheduler().schedule(this::onTimer, limits.grace().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            run();
        }

        /** Reads what has arrived; called again by Jetty when more arrives. */
        @Override
        public void run() {
            Runnable next;
            synchronized (this) {
                next = pump();
            }
            if (next != null) {
                next.run();
            }
        }

        /** What to do next: ask for more, or hand the settled body on. */
        private Runnable pump() {
            while (!settled) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    // Asked outside the lock: Jetty may call back at once, on this thread.
                    return () -> request.demand(this);
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    if (!chunk.isLast() || failure instanceof TimeoutException) {
                        // The connection's idle timeout: the client stopped sending.
                        return settle(Refusal.TOO_SLOW);
                    }
                    settled = true;
                    timer.cancel();
                    return () -> Response.writeError(request, response, callback, failure);
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                int n = buffer.remaining();
                if (read + n > rule.maxBytes()) {
                    chunk.release();
                    return settle(Refusal.TOO_LARGE);
                }
                if (n > 0 && !lease.tryGrow(n)) {
                    chunk.release();
                    return settle(Refusal.BUSY);
                }
                read += n;
                byte[] copy = new byte[n];
                buffer.get(copy);
                bytes.write(copy, 0, n);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    settled = true;
                    timer.cancel();
                    Request complete = new ContentRequest(request, new ByteBufferContentSource(bytes.asBuffer()));
                    return () -> handOn(complete, response, callback);
                }
            }
            return null;
        }

        private Runnable settle(Refusal refusal) {
            settled = true;
            timer.cancel();
            return () -> handOn(refused(request, refusal), response, callback);
        }

        private void onTimer() {
            Runnable next;
            synchronized (this) {
                if (settled) {
                    return;
                }
                long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                long dueMillis = limits.deadlineAfter(read).toMillis();
                if (elapsedMillis < dueMillis) {
                    timer = getServer().getScheduler().schedule(this::onTimer, dueMillis - elapsedMillis,
                            TimeUnit.MILLISECONDS);
                    return;
                }
                next = settle(Refusal.TOO_SLOW);
            }
            // Never run the application on the scheduler's thread.
            getServer().getThreadPool().execute(next);
        }
    }
}
