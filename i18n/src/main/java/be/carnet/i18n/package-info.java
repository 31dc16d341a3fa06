/** Carnet i18n. */
package be.carnet.i18n;
