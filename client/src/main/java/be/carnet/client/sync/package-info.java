/** The agency connection (enrol, bundle, reports) and the sync that trades sealed reports for signed receipts. */
package be.carnet.client.sync;
