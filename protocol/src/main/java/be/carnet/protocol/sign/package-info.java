/** Ed25519 keys, fingerprints and signed envelopes over canonical JSON. */
package be.carnet.protocol.sign;
