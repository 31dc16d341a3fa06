/** The agency database: one SQLite file, its schema migrations, the serialised write path and the audit log. */
package be.carnet.server.storage;
