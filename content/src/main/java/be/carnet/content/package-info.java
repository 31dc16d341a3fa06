/** The content tool: checks the briefing sources and builds signed, encrypted mission bundles from them. */
package be.carnet.content;
