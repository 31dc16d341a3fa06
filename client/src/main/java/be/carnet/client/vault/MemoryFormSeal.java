package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.web.FormSeal;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * A fresh random key that never leaves memory, for the forms kept across the lock: the vault's own cipher
 * ({@link VaultKey}: ChaCha20-Poly1305, a random nonce per value), with the binding as associated data.
 * Unrelated to the vault key, so it can seal while the vault is locked. Thread-safe.
 */
public final class MemoryFormSeal implements FormSeal {

    private final VaultKey key = VaultKey.generate();

    @Override
    public byte[] seal(byte[] plaintext, String binding) {
        return key.seal(plaintext, binding.getBytes(UTF_8));
    }

    @Override
    public Optional<byte[]> open(byte[] sealed, String binding) {
        try {
            return Optional.of(key.open(sealed, binding.getBytes(UTF_8)));
        } catch (InvalidCipherTextException | VaultLockedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        key.destroy();
    }

    @Override
    public String toString() {
        return "MemoryFormSeal[secret]";
    }
}
