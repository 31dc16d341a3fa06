/**
 * The vault key (made at setup, wrapped by the passphrase with Argon2id, re-wrapped on a change, forgotten
 * on lock, erased on panic or duress) and the pages that set it up, open it and change its settings.
 */
package be.carnet.client.vault;
