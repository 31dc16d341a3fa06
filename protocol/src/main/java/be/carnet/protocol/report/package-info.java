/** Incident reports (signed by the device, sealed to the agency) and the agency's signed receipts. */
package be.carnet.protocol.report;
