/** The agency's server: wiring, the command line and the programmatic start used by demos and tests. */
package be.carnet.server;
