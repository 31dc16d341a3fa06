/** Briefing bundles: a signed manifest and age-encrypted content, checked before anything is installed. */
package be.carnet.protocol.bundle;
