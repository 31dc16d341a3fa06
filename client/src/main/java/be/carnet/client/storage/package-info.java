/** The SQLite vault database: pragmas, schema migrations, transactions and encrypted cells bound to their place. */
package be.carnet.client.storage;
