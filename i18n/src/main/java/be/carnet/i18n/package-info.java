/** Carnet's UI message catalogues in French, Dutch and English, and their lookup. */
package be.carnet.i18n;
