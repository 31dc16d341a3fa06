/** Carnet protocol. */
package be.carnet.protocol;
