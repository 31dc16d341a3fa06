package be.carnet.server.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.server.form.InvalidInputException;
import be.carnet.server.MutableClock;
import be.carnet.server.storage.AuditLog;
import be.carnet.server.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MissionServiceTest {

    @TempDir
    Path data;
    Database database;
    MissionService missions;

    @BeforeEach
    void open() {
        database = Database.open(data);
        missions = new MissionService(database, new MutableClock(Instant.parse("2026-11-28T09:00:00Z")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aMissionGetsItsOwnKey() {
        Mission first = missions.create("admin", "  Mission économique  ", "Beijing");
        Mission second = missions.create("admin", "Visite", "");

        assertEquals("Mission économique", first.name());
        assertEquals(first.recipient(), missions.missionIdentity(first.id()).recipient());
        assertEquals(first.recipient(), missions.missionRecipient(first.id()));
        assertEquals(false, first.recipient().equals(second.recipient()));
        assertEquals(Optional.of(first), missions.find(first.id()));
        assertEquals(2, missions.list().size());
    }

    @Test
    void missionsAreListedNewestFirstEvenHalfASecondApart() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
        MissionService timed = new MissionService(database, clock);
        Mission first = timed.create("admin", "B first", "");
        clock.advance(java.time.Duration.ofMillis(500));
        Mission second = timed.create("admin", "A half a second later", "");

        List<Mission> listed = timed.list();

        // As text, "…09:00:00.500Z" sorts before "…09:00:00Z"; as milliseconds it does not.
        assertEquals(List.of(second.id(), first.id()), listed.stream().map(Mission::id).toList());
        assertEquals(Instant.parse("2026-11-28T09:00:00.500Z"), listed.get(0).createdAt());
    }

    @Test
    void creationIsAuditedWithoutTheKey() {
        Mission mission = missions.create("admin", "Mission", "");

        List<AuditLog.Entry> audit = AuditLog.latest(database, 10);

        assertEquals(List.of(new AuditLog.Entry(Instant.parse("2026-11-28T09:00:00Z"), "admin", "mission.create",
                "mission " + mission.id())), audit);
    }

    static Stream<Arguments> badMissions() {
        return Stream.of(
                Arguments.of(null, "", "name is required"),
                Arguments.of("", "", "name is required"),
                Arguments.of("   ", "", "name is required"),
                Arguments.of("x".repeat(121), "", "name must be at most 120 characters"),
                Arguments.of("Mission", "y".repeat(121), "destination must be at most 120 characters"),
                Arguments.of("Line\nbreak", "", "name must not contain control characters"),
                Arguments.of("Mission", "tab\there", "destination must not contain control characters"));
    }

    @ParameterizedTest
    @MethodSource("badMissions")
    void aMissionBreakingARuleIsRefusedAndNotCreated(String name, String destination, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> missions.create("admin", name, destination));

        assertEquals(message, e.getMessage());
        assertEquals(List.of(), missions.list());
    }

    @Test
    void aScriptInANameIsStoredAsTextForTheTemplatesToEscape() {
        Mission mission = missions.create("admin", "<script>alert(1)</script>", "");

        assertEquals("<script>alert(1)</script>", missions.get(mission.id()).name());
    }
}
