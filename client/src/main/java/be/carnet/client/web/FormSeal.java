package be.carnet.client.web;

import java.util.Optional;

/**
 * A key that lives in memory only, for sealing a form kept across the lock ({@link KeptForms}): AEAD
 * with the binding as associated data. The composition root makes one from the vault's own cipher.
 * Thread-safe; a secret ({@link #destroy} overwrites it).
 */
public interface FormSeal {

    /** Encrypts {@code plaintext} bound to {@code binding}. */
    byte[] seal(byte[] plaintext, String binding);

    /** Decrypts, or empty when the value was sealed under another key or binding, altered, or the key is gone. */
    Optional<byte[]> open(byte[] sealed, String binding);

    /** Overwrites the key; later calls fail ({@code open} answers empty). */
    void destroy();
}
