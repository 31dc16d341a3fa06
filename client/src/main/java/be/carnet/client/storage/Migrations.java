package be.carnet.client.storage;

import java.util.List;

/**
 * The schema, one list of statements per version ({@code PRAGMA user_version}). Append only: a
 * released step never changes, a new step is added at the end.
 *
 * <p>Only opaque ids and coarse state are in clear; every {@code BLOB} column named {@code *_sealed} or
 * {@code value} holds a value sealed by the vault key for its {@code table|row|column}.
 */
final class Migrations {

    static final List<List<String>> STEPS = List.of(
            List.of(
                    // Clear settings the lock screen needs before the vault is open (the language).
                    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    // Encrypted named values: enrolment, installed bundle, checklist ticks.
                    "CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
                    // The incident journal. id: local order; report_id: the UUID sync uses; sequence: the
                    // journal position once chained; state: pending, ready, sent, acknowledged.
                    "CREATE TABLE incidents ("
                            + " id INTEGER PRIMARY KEY,"
                            + " report_id TEXT NOT NULL UNIQUE,"
                            + " state TEXT NOT NULL CHECK (state IN ('pending', 'ready', 'sent', 'acknowledged')),"
                            + " sequence INTEGER UNIQUE,"
                            + " fields_sealed BLOB NOT NULL,"
                            + " signed_sealed BLOB,"
                            + " report_sealed BLOB,"
                            + " receipt_sealed BLOB,"
                            + " CHECK ((state = 'pending') = (sequence IS NULL)),"
                            + " CHECK ((state = 'acknowledged') = (receipt_sealed IS NOT NULL)))"),
            List.of(
                    // Drafts: editable incidents, not in the journal yet. draft_id: a random UUID for URLs.
                    "CREATE TABLE drafts ("
                            + " id INTEGER PRIMARY KEY,"
                            + " draft_id TEXT NOT NULL UNIQUE,"
                            + " fields_sealed BLOB NOT NULL)",
                    // Attached files of drafts and incidents. owner: the draft id or the report id (opaque);
                    // the owner's sealed fields list each attachment's row id and SHA-256, checked on read.
                    "CREATE TABLE attachments ("
                            + " id INTEGER PRIMARY KEY,"
                            + " owner TEXT NOT NULL,"
                            + " data_sealed BLOB NOT NULL)",
                    "CREATE INDEX attachments_owner ON attachments(owner)"));

    private Migrations() {
    }

    static int latestVersion() {
        return STEPS.size();
    }
}
