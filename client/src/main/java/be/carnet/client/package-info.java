/** Carnet client. */
package be.carnet.client;
