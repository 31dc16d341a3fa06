package be.carnet.protocol.age;

/** Someone an age file is encrypted to: wraps the file key into a stanza. */
public interface Recipient {

    /** Wraps the 16-byte {@code fileKey}; every call uses fresh randomness. */
    Stanza wrap(byte[] fileKey);
}
