/** The contract between Carnet's parts: formats, keys and cryptography, with no web and no SQL. */
package be.carnet.protocol;
