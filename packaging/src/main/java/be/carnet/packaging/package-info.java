/** The runnable distribution: one launcher for the traveller app, the agency server, the content tool and the demo. */
package be.carnet.packaging;
