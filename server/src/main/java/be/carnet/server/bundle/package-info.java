/** Briefing bundles: publishing a signed bundle for a mission and serving the latest one to devices. */
package be.carnet.server.bundle;
