package be.carnet.server.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.server.form.InvalidInputException;
import be.carnet.server.MutableClock;
import be.carnet.server.storage.AuditLog;
import be.carnet.server.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StaffServiceTest {

    @TempDir
    Path data;
    Database database;
    StaffService staff;

    @BeforeEach
    void open() {
        database = Database.open(data);
        staff = new StaffService(database, new PasswordHasher(1024, 1, 1),
                new MutableClock(Instant.parse("2026-11-28T09:00:00Z")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aStaffMemberLogsInWithTheirPassword() {
        staff.create("init", "analyst", "long enough password".toCharArray(), Role.ANALYST);

        Optional<StaffMember> member = staff.authenticate("analyst", "long enough password".toCharArray());

        assertEquals(Optional.of(new StaffMember("analyst", Role.ANALYST)), member);
        assertEquals("login", AuditLog.latest(database, 1).get(0).action());
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() {
        staff.create("init", "analyst", "long enough password".toCharArray(), Role.ANALYST);

        Optional<StaffMember> member = staff.authenticate("analyst", "long enough passwort".toCharArray());

        assertEquals(Optional.empty(), member);
        AuditLog.Entry entry = AuditLog.latest(database, 1).get(0);
        assertEquals("login.failed", entry.action());
        assertEquals("wrong password", entry.detail());
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() {
        assertEquals(Optional.empty(), staff.authenticate("nobody", "long enough password".toCharArray()));
    }

    static Stream<Arguments> badAccounts() {
        return Stream.of(
                Arguments.of("admin", "short", "password must have at least 12 characters"),
                Arguments.of("admin", "", "password must have at least 12 characters"),
                Arguments.of("", "long enough password", "username must be 1 to 64 letters, digits, dots, dashes, "
                        + "underscores or @, starting with a letter or digit"),
                Arguments.of("<script>", "long enough password", "username must be 1 to 64 letters, digits, dots, "
                        + "dashes, underscores or @, starting with a letter or digit"),
                Arguments.of("a".repeat(65), "long enough password", "username must be 1 to 64 letters, digits, dots, "
                        + "dashes, underscores or @, starting with a letter or digit"),
                Arguments.of("admin", "x".repeat(1025), "password must have at most 1024 characters"));
    }

    @ParameterizedTest
    @MethodSource("badAccounts")
    void anAccountBreakingARuleIsRefusedAndNotCreated(String username, String password, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> staff.create("init", username, password.toCharArray(), Role.ADMIN));

        assertEquals(message, e.getMessage());
        assertEquals(0, (int) database.read(c -> {
            try (java.sql.Statement count = c.createStatement();
                 java.sql.ResultSet rows = count.executeQuery("SELECT count(*) FROM staff")) {
                rows.next();
                return rows.getInt(1);
            }
        }));
    }

    @Test
    void aUsernameIsTakenOnlyOnce() {
        staff.create("init", "admin", "long enough password".toCharArray(), Role.ADMIN);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> staff.create("init", "admin", "another long password".toCharArray(), Role.ANALYST));

        assertEquals("username is already taken", e.getMessage());
        assertEquals(Optional.of(new StaffMember("admin", Role.ADMIN)),
                staff.authenticate("admin", "long enough password".toCharArray()));
    }
}
