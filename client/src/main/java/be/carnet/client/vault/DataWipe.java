package be.carnet.client.vault;

import be.carnet.client.storage.Database;
import be.carnet.client.storage.Settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Panic wipe: crypto-erase first (the wrapped vault key is overwritten and deleted, so whatever survives
 * is unreadable), then the database files are deleted and an empty database takes their place. The
 * clear language choice is kept so the setup page that follows speaks the traveller's language.
 */
public final class DataWipe {

    private static final Logger LOG = LoggerFactory.getLogger(DataWipe.class);

    private final Vault vault;
    private final Database database;
    private final Settings settings;

    public DataWipe(Vault vault, Database database, Settings settings) {
        this.vault = vault;
        this.database = database;
        this.settings = settings;
    }

    /** Erases everything; afterwards the vault is {@link Vault.State#ABSENT}. */
    public void wipe() {
        String language = settings.get(Settings.LANGUAGE).orElse(null);
        vault.erase();
        database.eraseAndRecreate();
        if (language != null) {
            settings.put(Settings.LANGUAGE, language);
        }
        LOG.warn("panic wipe done");
    }
}
