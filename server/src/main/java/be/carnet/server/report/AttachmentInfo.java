package be.carnet.server.report;

/**
 * What the report page shows of one attachment: everything but its bytes. The name and media type are
 * what the traveller's computer said: untrusted, shown escaped, never used to store, name or serve the file.
 *
 * @param position its place in the report's list, from 1; the download path uses it, never the name
 * @param name the file's name as attached
 * @param mediaType the media type the traveller's app gave it
 * @param size its size in bytes
 * @param sha256 hex SHA-256 of its bytes, checked against the signed report at intake
 */
public record AttachmentInfo(int position, String name, String mediaType, long size, String sha256) {
}
