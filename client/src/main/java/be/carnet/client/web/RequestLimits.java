package be.carnet.client.web;

import be.carnet.protocol.report.Attachment;

/** The local server's request size limits, in bytes, shared by the server's configuration and the guards. */
public final class RequestLimits {

    /** Largest ordinary request (a form). */
    public static final long MAX_REQUEST_BYTES = 256 * 1024;
    /** Largest multipart request (an attachment upload): one 5 MiB file plus its form fields. */
    public static final long MAX_UPLOAD_BYTES = Attachment.MAX_BYTES + 64 * 1024;

    private RequestLimits() {
    }
}
