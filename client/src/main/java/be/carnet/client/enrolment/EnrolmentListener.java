package be.carnet.client.enrolment;

import be.carnet.client.vault.VaultKey;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that must happen in the same transaction that stores a new enrolment (the incident journal
 * chains, signs and seals the incidents logged before enrolment).
 */
@FunctionalInterface
public interface EnrolmentListener {

    void enrolled(Connection connection, VaultKey key, Enrolment enrolment) throws SQLException;
}
