package be.carnet.client.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The vault database ({@code vault.db}, SQLite): one connection with WAL, {@code synchronous=FULL},
 * foreign keys and {@code secure_delete} on; the schema migrated in code to the latest version; a
 * {@code quick_check} when opened.
 *
 * <p>Thread-safe: every read and write holds this object's monitor, so work is serialised (a single
 * traveller never needs more). Work must not call the network while holding it.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final List<String> PRAGMAS = List.of(
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA secure_delete=ON",
            "PRAGMA temp_store=MEMORY");

    /** The database file itself and what SQLite may create beside it. */
    private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm", "-journal");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the database, applies the pragmas, migrates, and checks it.
     *
     * @throws StorageException if it cannot be opened, is from a newer Carnet, or fails its check
     */
    public static Database open(Path file) {
        Database database = new Database(file, connect(file));
        database.prepare();
        return database;
    }

    /**
     * Closes the database, deletes its files and starts an empty one in their place (panic wipe, or a
     * database left without its vault key). Work already waiting runs against the new, empty database.
     */
    public synchronized void eraseAndRecreate() {
        close();
        deleteFiles(file);
        connection = connect(file);
        prepare();
        LOG.info("vault database erased and recreated");
    }

    private static Connection connect(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ownerOnly(file);
            SQLiteConfig config = new SQLiteConfig();
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (IOException | SQLException e) {
            throw new StorageException("cannot open the vault database " + file, e);
        }
    }

    /**
     * Creates the database file readable and writable by its owner only (0600), and narrows the file and its
     * side files to that when an older Carnet left them wider. SQLite gives the {@code -wal}, {@code -shm}
     * and {@code -journal} files it creates the main file's permissions. Not POSIX (Windows): the profile's
     * ACLs apply, nothing to do.
     */
    private static void ownerOnly(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // Opened again: narrowed below.
        }
        for (String suffix : SIDE_FILES) {
            Path sibling = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(sibling, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(sibling, OWNER_ONLY);
            }
        }
    }

    private synchronized void prepare() {
        try {
            configure();
            migrate();
            quickCheck();
        } catch (SQLException e) {
            close();
            throw new StorageException("cannot prepare the vault database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Runs read-only work. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("cannot read the vault database: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one immediate transaction, committed durably; rolled back if it throws, so a
     * failed write changes nothing.
     */
    public synchronized <T> T write(SqlWork<T> work) {
        try {
            // The driver begins the transaction here, as BEGIN IMMEDIATE (see open).
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new StorageException("cannot write the vault database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warn("cannot restore auto-commit on the vault database");
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("cannot roll back a failed vault database transaction");
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException e) {
                    LOG.warn("cannot checkpoint the vault database before closing it");
                }
                connection.close();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot close the vault database", e);
        }
    }

    /** Deletes the database and its side files ({@code -wal}, {@code -shm}, {@code -journal}). Close it first. */
    public static void deleteFiles(Path file) {
        for (String suffix : SIDE_FILES) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file.getFileName() + suffix, e);
            }
        }
    }

    private void configure() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String pragma : PRAGMAS) {
                statement.execute(pragma);
            }
        }
    }

    private void migrate() throws SQLException {
        int version = userVersion();
        if (version > Migrations.latestVersion()) {
            throw new StorageException("the vault database has schema version " + version
                    + ", newer than this Carnet knows (" + Migrations.latestVersion() + "); update Carnet");
        }
        for (int next = version + 1; next <= Migrations.latestVersion(); next++) {
            List<String> step = Migrations.STEPS.get(next - 1);
            int target = next;
            write(c -> {
                try (Statement statement = c.createStatement()) {
                    for (String sql : step) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version=" + target);
                }
                return null;
            });
            LOG.info("vault database migrated to schema version {}", next);
        }
    }

    private int userVersion() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private void quickCheck() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
            String result = rows.next() ? rows.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw new StorageException("the vault database " + file + " is damaged (quick_check: " + result + ")");
            }
        }
    }

    /** The current schema version, for tests and diagnostics. */
    public int schemaVersion() {
        return read(c -> userVersion());
    }

    /** The value of a pragma on this connection, for tests and diagnostics. */
    public String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name");
        }
        return read(c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }
}
