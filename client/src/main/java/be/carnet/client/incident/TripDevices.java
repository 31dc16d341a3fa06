package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.storage.Database;
import be.carnet.client.vault.Secrets;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.VaultKey;
import be.carnet.client.form.FieldError;
import be.carnet.protocol.report.Incident;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The traveller's own list of trip devices ("mission laptop", "travel phone"), the choices of the incident
 * form's device field. Kept sealed as one named secret. Thread-safe through {@link Database}.
 */
public final class TripDevices {

    static final String NAME = "trip-devices";
    /** Most devices in the list. */
    public static final int MAX_DEVICES = 20;

    private final Database database;
    private final Vault vault;

    public TripDevices(Database database, Vault vault) {
        this.database = database;
        this.vault = vault;
    }

    /** The devices, in the order they were added. */
    public List<String> list() {
        VaultKey key = vault.key();
        return database.read(c -> Secrets.get(c, key, NAME)).map(TripDevices::decode).orElse(List.of());
    }

    /**
     * Adds a device.
     *
     * @return the broken rule, or empty when it was added
     */
    public Optional<FieldError> add(String untrustedName) {
        String name = untrustedName == null ? "" : untrustedName.strip();
        Optional<FieldError> shape = checkName(name);
        if (shape.isPresent()) {
            return shape;
        }
        VaultKey key = vault.key();
        return database.write(c -> {
            List<String> devices = new ArrayList<>(Secrets.get(c, key, NAME).map(TripDevices::decode).orElse(List.of()));
            if (devices.contains(name)) {
                return Optional.of(FieldError.of("deviceName", "deviceExists"));
            }
            if (devices.size() >= MAX_DEVICES) {
                return Optional.of(FieldError.of("deviceName", "deviceCount", MAX_DEVICES));
            }
            devices.add(name);
            Secrets.put(c, key, NAME, encode(devices));
            return Optional.<FieldError>empty();
        });
    }

    /**
     * The rule {@code untrustedName} breaks, checked against the list as it is now (nothing is added): for
     * showing a refused name's error again.
     */
    public Optional<FieldError> check(String untrustedName) {
        String name = untrustedName == null ? "" : untrustedName.strip();
        Optional<FieldError> shape = checkName(name);
        if (shape.isPresent()) {
            return shape;
        }
        List<String> devices = list();
        if (devices.contains(name)) {
            return Optional.of(FieldError.of("deviceName", "deviceExists"));
        }
        return devices.size() >= MAX_DEVICES ? Optional.of(FieldError.of("deviceName", "deviceCount", MAX_DEVICES))
                : Optional.empty();
    }

    private static Optional<FieldError> checkName(String name) {
        if (name.isEmpty()) {
            return Optional.of(FieldError.of("deviceName", "required"));
        }
        if (name.length() > Incident.MAX_DEVICE) {
            return Optional.of(FieldError.of("deviceName", "maxLength", Incident.MAX_DEVICE));
        }
        if (IncidentValidator.hasForbiddenCharacters(name, false)) {
            return Optional.of(FieldError.of("deviceName", "controlCharacters"));
        }
        return Optional.empty();
    }

    /** Removes a device from the list (entries that name it keep the name); idempotent. */
    public void remove(String name) {
        VaultKey key = vault.key();
        database.write(c -> {
            List<String> devices = new ArrayList<>(Secrets.get(c, key, NAME).map(TripDevices::decode).orElse(List.of()));
            if (devices.remove(name)) {
                Secrets.put(c, key, NAME, encode(devices));
            }
            return null;
        });
    }

    private static byte[] encode(List<String> devices) {
        JsonArray array = new JsonArray();
        devices.forEach(array::add);
        return array.toString().getBytes(UTF_8);
    }

    private static List<String> decode(byte[] bytes) {
        List<String> devices = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(new String(bytes, UTF_8)).getAsJsonArray()) {
            devices.add(e.getAsString());
        }
        return List.copyOf(devices);
    }
}
