package be.carnet.client;

import be.carnet.client.storage.StorageException;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.storage.Database;
import be.carnet.client.vault.Vault;
import be.carnet.client.web.WebFixture;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TravellerAppTest {

    @TempDir
    Path dir;

    @Test
    void theLaunchUrlIsALoopbackLinkWithA256BitTokenNewEachTime() {
        try (WebFixture web = WebFixture.started(dir)) {
            String first = web.app.launchUrl();
            String second = web.app.launchUrl();

            assertTrue(first.matches("http://127\\.0\\.0\\.1:" + web.app.port() + "/launch\\?token=[A-Za-z0-9_-]{43}"),
                    first);
            assertTrue(!first.equals(second));
        }
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();

        try (WebFixture web = WebFixture.started(dir)) {
            assertEquals(List.of("127.0.0.1"), listeningAddresses(web.app.port()),
                    "the kernel's table of listening sockets for port " + web.app.port());
            if (external.isPresent()) {
                assertThrows(IOException.class, () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(external.get(), web.app.port()), 2000);
                    }
                });
            }
        }
    }

    /** The local addresses of the sockets listening on {@code port}, read from Linux's /proc/net/tcp{,6}. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        String hexPort = String.format("%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[3].equals("0A") && f[1].endsWith(":" + hexPort)) {
                    String hex = f[1].substring(0, f[1].indexOf(':'));
                    out.add(fromProcHex(hex));
                }
            }
        }
        return out;
    }

    /** /proc/net prints addresses as 32-bit words in host (little-endian) order; IPv4-mapped IPv6 reads as IPv4. */
    private static String fromProcHex(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes).getHostAddress();
    }

    @Test
    void dataLeftWithoutItsVaultKeyIsErasedAtStart() throws IOException {
        try (WebFixture web = WebFixture.started(dir)) {
            web.setUp();
            web.browser.post("/incidents", WebFixture.incident("orphelin"));
        }
        Files.delete(dir.resolve(TravellerApp.KEY_FILE));

        try (WebFixture web = WebFixture.started(dir)) {
            assertEquals("/setup", web.browser.get("/").location());
        }
        try (Database database = Database.open(dir.resolve(TravellerApp.DATABASE_FILE))) {
            long rows = database.read(c -> {
                try (var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM incidents")) {
                    r.next();
                    return r.getLong(1);
                }
            });
            assertEquals(0, rows);
        }
    }

    @Test
    void stoppingForgetsTheKeySoTheNextStartIsLocked() {
        try (WebFixture web = WebFixture.started(dir)) {
            web.setUp();
        }

        Vault vault = new Vault(dir.resolve(TravellerApp.KEY_FILE), TestParts.CHEAP_KDF, new TestParts.RecordedWaits());
        assertEquals(Vault.State.LOCKED, vault.state());
        try (WebFixture web = WebFixture.started(dir)) {
            assertEquals("/unlock", web.browser.get("/").location());
        }
    }

    @Test
    void stoppingClosesTheDatabaseEvenWhenTheServerFailsToStop(@TempDir Path dir) {
        Database database = Database.open(dir.resolve(TravellerApp.DATABASE_FILE));
        List<String> ran = new ArrayList<>();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TravellerApp.stopInOrder(List.of(
                () -> ran.add("timer"),
                () -> {
                    throw new IllegalStateException("the web server would not stop");
                },
                () -> ran.add("vault locked"),
                database::close)));

        assertEquals("the web server would not stop", e.getMessage());
        assertEquals(List.of("timer", "vault locked"), ran);
        assertThrows(StorageException.class, () -> database.read(c -> c.createStatement().execute("SELECT 1")));
    }
}
