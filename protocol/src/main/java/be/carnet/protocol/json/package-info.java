/** Canonical JSON: the exact bytes Carnet signs (sorted keys, UTF-8, no insignificant whitespace). */
package be.carnet.protocol.json;
