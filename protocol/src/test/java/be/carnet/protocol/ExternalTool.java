package be.carnet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a real command-line tool (age, openssl) for interoperability tests; fails the test if it is missing. */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The result of a run. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
    }

    /** Runs {@code command} with {@code stdin}; returns whatever it printed. */
    public static Result run(List<String> command, byte[] stdin) {
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // The tool may exit before reading all of its input (e.g. on a bad header).
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), out.join(), new String(err.join(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " must be installed for this test (run ./carnet test): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs {@code command} and asserts it succeeded. */
    public static byte[] runOk(List<String> command, byte[] stdin) {
        Result result = run(command, stdin);
        assertEquals(0, result.exitCode(), String.join(" ", command) + " failed: " + result.stderr());
        return result.stdout();
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
