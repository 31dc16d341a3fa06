/** Enrolment: the one-time code, the device's signed request and the agency's signed answer. */
package be.carnet.protocol.enrol;
