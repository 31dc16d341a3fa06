package be.carnet.client.enrolment;

import be.carnet.client.vault.Secrets;
import be.carnet.client.vault.VaultKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes the sealed enrolment ({@code secrets} row {@code enrolment}). Stateless. */
public final class Enrolments {

    static final String NAME = "enrolment";

    private Enrolments() {
    }

    /** The device's enrolment, if it has enrolled. */
    public static Optional<Enrolment> current(Connection connection, VaultKey key) throws SQLException {
        return Secrets.get(connection, key, NAME).map(Enrolment::fromBytes);
    }

    static void store(Connection connection, VaultKey key, Enrolment enrolment) throws SQLException {
        Secrets.put(connection, key, NAME, enrolment.toBytes());
    }
}
