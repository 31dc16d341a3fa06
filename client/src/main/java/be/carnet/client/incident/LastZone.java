package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.storage.Database;
import be.carnet.client.vault.Secrets;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.VaultKey;
import be.carnet.client.vault.VaultLockedException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone the traveller last chose for an incident, remembered so that the next form starts in it
 * (a traveller in Beijing whose laptop still says Brussels chooses once). Kept sealed as the named secret
 * {@code last-zone} (a zone id in UTF-8): where the traveller is says something about the mission, so it
 * never goes in the clear settings. Thread-safe through {@link Database}.
 */
public final class LastZone {

    static final String NAME = "last-zone";

    private final Database database;
    private final Vault vault;
    private final ZoneId system;

    /**
     * @param system the laptop's zone ({@link ZoneId#systemDefault()}), used until the traveller chooses one
     */
    public LastZone(Database database, Vault vault, ZoneId system) {
        this.database = database;
        this.vault = vault;
        this.system = system;
    }

    /** The zone the traveller last chose, if any (an id this Java no longer knows counts as none). */
    public Optional<ZoneId> remembered() {
        VaultKey key = vault.key();
        return database.read(c -> Secrets.get(c, key, NAME)).flatMap(bytes -> {
            try {
                return Optional.of(ZoneId.of(new String(bytes, UTF_8)));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The laptop's zone. */
    public ZoneId system() {
        return system;
    }

    /**
     * The traveller's current zone: the one last chosen, else the laptop's; the laptop's while the vault is
     * locked (nothing sealed can be read then).
     */
    public ZoneId current() {
        if (vault.state() != Vault.State.UNLOCKED) {
            return system;
        }
        try {
            return remembered().orElse(system);
        } catch (VaultLockedException e) {
            return system;
        }
    }

    /** Remembers {@code zoneId}, a zone the validator accepted. */
    public void remember(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        VaultKey key = vault.key();
        database.write(c -> {
            Secrets.put(c, key, NAME, zone.getId().getBytes(UTF_8));
            return null;
        });
    }
}
