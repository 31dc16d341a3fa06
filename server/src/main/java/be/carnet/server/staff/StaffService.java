package be.carnet.server.staff;

import be.carnet.server.form.InvalidInputException;
import be.carnet.server.storage.AuditLog;
import be.carnet.server.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Staff accounts: creation and password login. Thread-safe; login is deliberately slow (Argon2id).
 */
public final class StaffService {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 1024;
    public static final int MAX_USERNAME = 64;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final Database database;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final LoginGate gate;
    /** Verified against when the username is unknown, so a miss costs as much time as a wrong password. */
    private volatile String decoyHash;

    public StaffService(Database database, PasswordHasher hasher, Clock clock) {
        this(database, hasher, clock, LoginGate.standard());
    }

    /** @param gate decides when a login's password check may run */
    public StaffService(Database database, PasswordHasher hasher, Clock clock, LoginGate gate) {
        this.database = database;
        this.hasher = hasher;
        this.clock = clock;
        this.gate = gate;
    }

    /**
     * Creates a staff account. {@code actor} is recorded in the audit log.
     *
     * @throws InvalidInputException if the username or password breaks a rule, or the name is taken
     */
    public StaffMember create(String actor, String username, char[] password, Role role) {
        checkUsername(username);
        checkPassword(password);
        String hash = hasher.hash(password);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        return database.transaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM staff WHERE username = ?")) {
                exists.setString(1, username);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        throw new InvalidInputException("field.username", "rule.username.taken",
                                "username is already taken");
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO staff (username, password_hash, role, created_at_ms) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, username);
                insert.setString(2, hash);
                insert.setString(3, role.stored());
                insert.setLong(4, now.toEpochMilli());
                insert.executeUpdate();
            }
            AuditLog.record(c, now, actor, "staff.create", "username " + username + ", role " + role.stored());
            return new StaffMember(username, role);
        });
    }

    /** As {@link #authenticate(String, String, char[])} for a client with no address (the command line, tests). */
    public Optional<StaffMember> authenticate(String username, char[] password) {
        return authenticate("local", username, password);
    }

    /**
     * The staff member for {@code username} and {@code password}, or empty when either is wrong (the
     * same answer and about the same time for both). Records the attempt in the audit log. The password
     * check waits its turn in the {@link LoginGate}, in {@code client}'s line.
     *
     * @throws LoginBusyException if the gate is full; nothing was checked or recorded
     */
    public Optional<StaffMember> authenticate(String client, String username, char[] password) {
        if (username == null || password == null || username.length() > MAX_USERNAME
                || password.length > MAX_PASSWORD) {
            return Optional.empty();
        }
        Optional<String[]> row = database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT password_hash, role FROM staff WHERE username = ?")) {
                query.setString(1, username);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(new String[] {rows.getString(1), rows.getString(2)})
                            : Optional.empty();
                }
            }
        });
        LoginGate.Pass pass = gate.enter(client).orElseThrow(LoginBusyException::new);
        boolean matches;
        try {
            matches = hasher.verify(password, row.isPresent() ? row.get()[0] : decoyHash());
        } finally {
            pass.close();
        }
        Optional<StaffMember> member = row.isPresent() && matches
                ? Optional.of(new StaffMember(username, Role.fromStored(row.get()[1]))) : Optional.empty();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        database.transaction(c -> {
            if (member.isPresent()) {
                AuditLog.record(c, now, username, "login", "role " + member.get().role().stored());
            } else if (row.isPresent()) {
                AuditLog.record(c, now, username, "login.failed", "wrong password");
            } else {
                AuditLog.record(c, now, "-", "login.failed", "unknown username");
            }
            return null;
        });
        return member;
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.hash("decoy password, never a real one".toCharArray());
            decoyHash = decoy;
        }
        return decoy;
    }

    /**
     * Checks a new account's username and password without storing anything.
     *
     * @throws InvalidInputException naming the rule broken
     */
    public static void checkNewAccount(String username, char[] password) {
        checkUsername(username);
        checkPassword(password);
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("field.username", "rule.username.pattern",
                    "username must be 1 to " + MAX_USERNAME
                            + " letters, digits, dots, dashes, underscores or @, starting with a letter or digit");
        }
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new InvalidInputException("field.password", "rule.password.min",
                    "password must have at least " + MIN_PASSWORD + " characters", MIN_PASSWORD);
        }
        if (password.length > MAX_PASSWORD) {
            throw new InvalidInputException("field.password", "rule.length.max",
                    "password must have at most " + MAX_PASSWORD + " characters", MAX_PASSWORD);
        }
    }
}
