package be.carnet.server.limits;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP/1.1 request over a plain socket, written piece by piece, whose answer is read by its own thread
 * from the start: a server that answers early and closes is seen answering, even when the rest of the upload
 * then fails. Every request says {@code Connection: close}, so the answer ends when the server closes.
 */
final class RawUpload implements AutoCloseable {

    /** A safety net so a server that never answers fails the test instead of hanging the build. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Socket socket;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<String> answer = new CompletableFuture<>();

    /**
     * Connects from {@code localAddress} (any 127.x.y.z: Linux routes the whole block to loopback) to
     * {@code port} and sends the request line and the headers.
     */
    RawUpload(String localAddress, int port, String method, String path, String... headerLines) {
        try {
            socket = new Socket();
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            for (String line : headerLines) {
                head.append(line).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(this::readAnswer, "raw-upload-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAnswer() {
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (received) {
                    received.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // A reset after the answer: keep what arrived.
        }
        synchronized (received) {
            answer.complete(received.toString(UTF_8));
        }
    }

    /** Sends {@code bytes} of the body; false when the server has closed the connection. */
    boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends {@code bytes} as one chunk of a chunked body; false when the server has closed the connection. */
    boolean sendChunk(byte[] bytes) {
        try {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(US_ASCII));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True once any byte of an answer has arrived, or the server closed the connection. */
    boolean answered() {
        synchronized (received) {
            return received.size() > 0 || answer.isDone();
        }
    }

    /** The whole answer, headers and body, as text; waits (at most {@link #PATIENCE}) for the server to close. */
    String answer() {
        try {
            return answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the server did not answer within " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer's status code. */
    int status() {
        String text = answer();
        if (!text.startsWith("HTTP/1.1 ")) {
            throw new AssertionError("no HTTP answer, the connection gave: \"" + text + "\"");
        }
        return Integer.parseInt(text.substring(9, 12));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }
}
