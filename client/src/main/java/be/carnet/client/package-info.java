/** The traveller's app: a local web server over an encrypted vault of briefings and incident reports. */
package be.carnet.client;
