/** Staff input that broke a named rule: the one validation type the features and their pages share. */
package be.carnet.server.form;
