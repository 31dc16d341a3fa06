/** Carnet content. */
package be.carnet.content;
