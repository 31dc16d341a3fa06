/**
 * The age file format v1 (C2SP age.md): X25519 and scrypt recipients, HKDF-SHA-256 and
 * ChaCha20-Poly1305 STREAM in 64 KiB chunks, byte-compatible with the {@code age} command.
 */
package be.carnet.protocol.age;
