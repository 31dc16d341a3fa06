/** Briefings: downloading and installing the signed bundle, and rendering its briefings in the chosen language. */
package be.carnet.client.briefing;
