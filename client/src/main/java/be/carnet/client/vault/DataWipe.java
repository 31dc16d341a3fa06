package be.carnet.client.vault;

import be.carnet.client.browser.OwnedBrowser;
import be.carnet.client.storage.Database;
import be.carnet.client.storage.Settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Panic wipe: crypto-erase first (the wrapped vault key is overwritten and deleted, so whatever survives
 * is unreadable), then the database files are deleted and an empty database takes their place, then the
 * browser profile Carnet owns is removed (its browser asked to close first): the history, titles and cache
 * of every page Carnet showed in it. The clear language choice is kept so the setup page that follows
 * speaks the traveller's language.
 */
public final class DataWipe {

    private static final Logger LOG = LoggerFactory.getLogger(DataWipe.class);

    private final Vault vault;
    private final Database database;
    private final Settings settings;
    private final OwnedBrowser browser;

    public DataWipe(Vault vault, Database database, Settings settings, OwnedBrowser browser) {
        this.vault = vault;
        this.database = database;
        this.settings = settings;
        this.browser = browser;
    }

    /**
     * Erases everything; afterwards the vault is {@link Vault.State#ABSENT}. When the traveller wipes from
     * Carnet's own browser window, that window closes: there is nothing left to show.
     */
    public void wipe() {
        String language = settings.get(Settings.LANGUAGE).orElse(null);
        vault.erase();
        database.eraseAndRecreate();
        if (language != null) {
            settings.put(Settings.LANGUAGE, language);
        }
        browser.closeAndErase();
        LOG.warn("panic wipe done");
    }
}
