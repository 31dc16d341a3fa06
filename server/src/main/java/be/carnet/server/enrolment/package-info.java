/** Enrolment: one-time codes issued by staff and the devices that redeem them. */
package be.carnet.server.enrolment;
