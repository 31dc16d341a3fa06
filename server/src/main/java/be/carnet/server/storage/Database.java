package be.carnet.server.storage;

import be.carnet.protocol.keys.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The agency database, {@code agency.db} in the data directory: one SQLite connection, used by one
 * thread at a time under a lock, so every read and every transaction is serialised. Correctness over
 * throughput: intake does its cryptography before it asks for the lock.
 *
 * <p>Thread-safe. {@link #close()} waits for the running transaction.
 */
public final class Database implements AutoCloseable {

    public static final String FILE = "agency.db";

    private static final List<String> CONNECTION_PRAGMAS = List.of(
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA secure_delete=ON",
            "PRAGMA busy_timeout=5000");

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) {@code agency.db} in {@code dataDir}, checks it with
     * {@code PRAGMA quick_check} and migrates its schema to the latest version.
     *
     * @throws StorageException if the file cannot be opened, fails its check, or is newer than this server
     */
    public static Database open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        boolean created = !Files.exists(file);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StorageException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
        Database database = new Database(file, connection);
        try {
            if (created) {
                SafeFiles.restrictToOwner(file);
            }
            database.configure();
            database.quickCheck();
            database.migrate();
            return database;
        } catch (SQLException | IOException | RuntimeException e) {
            database.close();
            if (e instanceof StorageException storage) {
                throw storage;
            }
            throw new StorageException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    private void configure() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String pragma : CONNECTION_PRAGMAS) {
                statement.execute(pragma);
            }
        }
    }

    private void quickCheck() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
            String first = rows.next() ? rows.getString(1) : "no answer";
            if (!"ok".equals(first)) {
                throw new StorageException("the database " + file + " failed its integrity check (quick_check: "
                        + first + "); the server will not start on it: restore agency.db from a backup");
            }
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            version = rows.next() ? rows.getInt(1) : 0;
        }
        if (version > Schema.latestVersion()) {
            throw new StorageException("the database " + file + " has schema version " + version
                    + ", newer than this server's " + Schema.latestVersion() + "; use a newer server");
        }
        if (version == Schema.latestVersion()) {
            return;
        }
        // Foreign keys cannot be switched inside a transaction: off for the migrations (a rebuilt table is
        // dropped and renamed while others refer to it), then every key is checked before each commit.
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys=OFF");
        }
        try {
            for (int next = version + 1; next <= Schema.latestVersion(); next++) {
                final int target = next;
                transaction(c -> {
                    Schema.MIGRATIONS.get(target - 1).apply(c);
                    try (Statement statement = c.createStatement()) {
                        try (ResultSet broken = statement.executeQuery("PRAGMA foreign_key_check")) {
                            if (broken.next()) {
                                throw new StorageException("schema migration " + target + " left a broken foreign key"
                                        + " in table " + broken.getString(1) + "; the database was not changed");
                            }
                        }
                        statement.execute("PRAGMA user_version = " + target);
                    }
                    return null;
                });
            }
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA foreign_keys=ON");
            }
        }
    }

    /** Work with the connection; runs alone, outside any transaction. Do not keep the connection. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("database read failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws (the
     * exception is passed on unchanged when it is not an {@link SQLException}).
     */
    public <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("database transaction failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close the database " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** A unit of database work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
