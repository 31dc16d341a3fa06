/** The briefing file format: front matter plus a small, safe Markdown subset, parsed to a document tree. */
package be.carnet.protocol.briefing;
