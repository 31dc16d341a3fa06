/** The HTTP surface: the one route table, security filters, template rendering and error mapping. */
package be.carnet.server.web;
