package be.carnet.client.incident;

/**
 * What the sealed fields of a draft or an incident say about one attached file; the bytes are in the
 * {@code attachments} table, sealed for their own row.
 *
 * @param rowId the attachment's row in {@code attachments}
 * @param name the file's name as given (shown, never used as a path)
 * @param mediaType its media type
 * @param size its length in bytes
 * @param sha256 hex SHA-256 of its bytes, checked when they are read back
 */
public record AttachmentInfo(long rowId, String name, String mediaType, long size, String sha256) {
}
