/** The browser Carnet opens itself in: found on this computer, started with a profile inside Carnet's data folder. */
package be.carnet.client.browser;
