package be.carnet.server;

import be.carnet.server.form.InvalidInputException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.keys.AgencyKeys;
import be.carnet.server.mission.Mission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgencyServerTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path parent;

    @Test
    void initWritesKeysDatabaseAndAnOwnerOnlyDirectory() throws IOException {
        Path data = parent.resolve("agency");

        AgencyServer.init(data, "admin", PASSWORD);

        assertTrue(Files.exists(data.resolve(AgencyKeys.SIGNING_FILE)));
        assertTrue(Files.exists(data.resolve(AgencyKeys.REPORT_FILE)));
        assertTrue(Files.exists(data.resolve("agency.db")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals(1, TestDatabase.single(data, "SELECT COUNT(*) FROM staff WHERE role = 'admin'"));
    }

    @Test
    void initRefusesADirectoryThatIsAlreadyInitialised() throws IOException {
        Path data = parent.resolve("agency");
        AgencyServer.init(data, "admin", PASSWORD);
        String signingKey = Files.readString(data.resolve(AgencyKeys.SIGNING_FILE));

        IOException e = assertThrows(IOException.class, () -> AgencyServer.init(data, "other", PASSWORD));

        assertEquals("the data directory " + data + " is already initialised; refusing to overwrite it", e.getMessage());
        assertEquals(signingKey, Files.readString(data.resolve(AgencyKeys.SIGNING_FILE)));
        assertEquals(0, TestDatabase.single(data, "SELECT COUNT(*) FROM staff WHERE username = 'other'"));
    }

    @Test
    void initRefusesAShortPasswordAndCreatesNothing() {
        Path data = parent.resolve("agency");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AgencyServer.init(data, "admin", "too short".toCharArray()));

        assertEquals("password must have at least 12 characters", e.getMessage());
        assertFalse(Files.exists(data));
    }

    @Test
    void startRefusesADirectoryThatIsNotInitialised() {
        Path data = parent.resolve("empty");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AgencyServer.start(data, "127.0.0.1", 0));

        assertEquals("the data directory " + data + " is not initialised; run init first", e.getMessage());
    }

    @Test
    void aStoppedServerStartsAgainOnTheSameDirectoryAndPort() throws IOException {
        Path data = parent.resolve("agency");
        AgencyServer.init(data, "admin", PASSWORD);
        AgencyServer first = AgencyServer.start(data, "127.0.0.1", 0);
        int port = first.port();
        Mission mission = first.missions().create("Kept across restarts", "");
        first.stop();

        AgencyServer second = AgencyServer.start(data, "127.0.0.1", port);
        try {
            assertEquals("http://127.0.0.1:" + port, second.baseUrl());
            assertEquals("Kept across restarts", second.missions().get(mission.id()).name());
            assertEquals(first.keys().signing().publicKey(), second.keys().signing().publicKey());
            assertEquals(200, new TestHttp(second.baseUrl()).get("/api/v1/health").statusCode());
        } finally {
            second.stop();
        }
    }

    @Test
    void healthAnswersOk() throws IOException {
        Path data = parent.resolve("agency");
        AgencyServer.init(data, "admin", PASSWORD);
        AgencyServer server = AgencyServer.start(data, "127.0.0.1", 0);
        try {
            var response = new TestHttp(server.baseUrl()).get("/api/v1/health");

            assertEquals(200, response.statusCode());
            assertEquals("{\"status\":\"ok\"}", response.body());
        } finally {
            server.stop();
        }
    }
}
