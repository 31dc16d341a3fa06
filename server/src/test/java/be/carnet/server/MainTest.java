package be.carnet.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MainTest {

    @TempDir
    Path parent;

    private static String run(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(args, new PrintStream(out, true, UTF_8));
        return out.toString(UTF_8);
    }

    @Test
    void initPrintsAGeneratedAdministratorPasswordOnceAndItLogsIn() throws IOException {
        Path data = parent.resolve("agency");

        String output = run("init", "--data", data.toString(), "--admin", "chief");

        Matcher m = Pattern.compile("Administrator password \\(shown once, store it safely\\): ([A-Za-z0-9]{24})")
                .matcher(output);
        assertTrue(m.find(), output);
        AgencyServer server = AgencyServer.start(data, "127.0.0.1", 0);
        try {
            assertEquals(303, new TestHttp(server.baseUrl()).login("chief", m.group(1)).statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void initReadsThePasswordFromAFileAndPrintsNoPassword() throws IOException {
        Path data = parent.resolve("agency");
        Path file = Files.writeString(parent.resolve("password.txt"), "a password from a file\n");

        String output = run("init", "--data", data.toString(), "--admin", "chief", "--admin-password-file",
                file.toString());

        assertEquals("Initialised " + data.toAbsolutePath() + " with new agency keys and administrator chief.\n", output);
    }

    @Test
    void addStaffCreatesAnAnalyst() throws IOException {
        Path data = parent.resolve("agency");
        run("init", "--data", data.toString(), "--admin", "chief");

        String output = run("add-staff", "--data", data.toString(), "--user", "reader", "--role", "analyst");

        assertTrue(output.startsWith("Created analyst reader.\nPassword (shown once, hand it over safely): "), output);
        assertEquals(1, TestDatabase.single(data, "SELECT COUNT(*) FROM staff WHERE username = 'reader' "
                + "AND role = 'analyst'"));
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"frobnicate"}, "unknown command \"frobnicate\"; usage: "),
                Arguments.of(new String[] {"init", "--admin", "x"}, "--data is required; usage: "),
                Arguments.of(new String[] {"serve", "--data"}, "expected --option value, got \"--data\"; usage: "),
                Arguments.of(new String[] {"serve", "--data", "d", "--port", "http"},
                        "--port must be a number from 0 to 65535"),
                Arguments.of(new String[] {"serve", "--data", "d", "--body-min-rate", "0"},
                        "--body-min-rate must be a whole number from 1 to 1073741824"),
                Arguments.of(new String[] {"serve", "--data", "d", "--body-grace-seconds", "soon"},
                        "--body-grace-seconds must be a whole number from 1 to 3600"),
                Arguments.of(new String[] {"serve", "--data", "d", "--colour", "red"}, "unknown option --colour; usage: "),
                Arguments.of(new String[] {"serve", "--data", "d", "--trusted-proxies", "127.0.0.1,proxy.lan"},
                        "--trusted-proxies: trusted proxy \"proxy.lan\" is not an IPv4 or IPv6 address; give IP "
                                + "addresses separated by commas, e.g. 127.0.0.1,::1"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void aCommandLineMistakeIsOneClearMessage(String[] args, String messageStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(args));

        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
}
