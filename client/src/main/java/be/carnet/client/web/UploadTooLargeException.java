package be.carnet.client.web;


/** A file upload larger than the local server reads (or one it cannot read); nothing was stored. */
public final class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException() {
        super("upload refused: larger than " + RequestLimits.MAX_UPLOAD_BYTES + " bytes or not readable");
    }
}
