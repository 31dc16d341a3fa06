/** Report intake: opening sealed reports from enrolled devices, exactly once, and signing their receipts. */
package be.carnet.server.intake;
