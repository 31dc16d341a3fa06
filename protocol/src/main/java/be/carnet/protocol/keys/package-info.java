/** Key files: the agency's signing key and report identity, in formats standard tools read. */
package be.carnet.protocol.keys;
