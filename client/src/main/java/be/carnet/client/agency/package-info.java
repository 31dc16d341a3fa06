/** Talking to the agency over HTTP: the transport, its errors and its retry policy, shared by enrolment, briefings and sync. */
package be.carnet.client.agency;
