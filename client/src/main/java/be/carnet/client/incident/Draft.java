package be.carnet.client.incident;

/**
 * An incident being written: editable, sealed by the vault key, not in the journal yet.
 *
 * @param draftId its random id (in URLs)
 * @param fields what it holds so far
 */
public record Draft(String draftId, StoredFields fields) {
}
