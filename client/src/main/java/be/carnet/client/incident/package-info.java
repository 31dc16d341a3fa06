/** Incidents: the form, its validation, and the hash-chained, signed and sealed journal. */
package be.carnet.client.incident;
