/** Password-based key derivation (Argon2id, RFC 9106) and wipeable encoding of typed secrets. */
package be.carnet.protocol.kdf;
