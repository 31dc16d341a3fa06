/** Enrolment: device keys, the signed request, the verified agency answer and what is pinned from it. */
package be.carnet.client.enrolment;
