/** Limits on what one request or one client may take of the agency server: counted before the work they guard. */
package be.carnet.server.limits;
