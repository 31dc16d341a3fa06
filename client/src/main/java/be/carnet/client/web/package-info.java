/** The local web server: one route table, the loopback security rules, sessions and page rendering. */
package be.carnet.client.web;
