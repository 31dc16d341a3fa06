package be.carnet.server.report;

/**
 * One attachment's bytes, for download. The name came from the field: put it only in a properly encoded
 * {@code Content-Disposition} header, never in a path, a log line or a content type.
 *
 * @param untrustedName the file's name as the traveller's computer gave it
 * @param data the bytes exactly as received and hashed
 */
public record AttachmentFile(String untrustedName, byte[] data) {

    public AttachmentFile {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttachmentFile that && untrustedName.equals(that.untrustedName)
                && java.util.Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * untrustedName.hashCode() + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AttachmentFile[size=" + data.length + "]";
    }
}
