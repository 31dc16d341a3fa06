/** Carnet server. */
package be.carnet.server;
