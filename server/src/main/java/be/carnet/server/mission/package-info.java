/** Missions: creation, their age keys and the staff pages that list and show them. */
package be.carnet.server.mission;
