/** A form field that broke a rule: the one validation type the features and their pages share. */
package be.carnet.client.form;
