/** The vault key: made at setup, wrapped by the passphrase with Argon2id, forgotten on lock, erased on panic. */
package be.carnet.client.vault;
