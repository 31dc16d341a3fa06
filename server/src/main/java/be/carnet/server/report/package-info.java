/** Debrief: reading the received reports of a mission for analysts. */
package be.carnet.server.report;
