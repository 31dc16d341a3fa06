/** The briefing checklists: ticks stored encrypted, and progress. */
package be.carnet.client.checklist;
