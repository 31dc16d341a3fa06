/** Carnet packaging. */
package be.carnet.packaging;
