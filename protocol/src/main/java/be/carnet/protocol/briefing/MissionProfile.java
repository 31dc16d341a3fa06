package be.carnet.protocol.briefing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mission's own contacts for the traveller's emergency card: the agency duty officer, the security
 * officer and, optionally, the embassy. Written by the agency as a small text file, carried in the mission's
 * bundle as {@value #PATH}, read strictly on both sides.
 *
 * <pre>
 * # comment lines and blank lines are ignored
 * duty-officer.name: Permanence sécurité
 * duty-officer.phone: +32 2 555 01 00
 * duty-officer.email: permanence@agence.example
 * duty-officer.hours: 24/7
 * security-officer.name: Anne Dubois
 * security-officer.phone: +32 470 00 00 00
 * security-officer.email: anne.dubois@agence.example
 * embassy.phone: +86 10 0000 0000
 * embassy.address: ...
 * </pre>
 * Names are people's or services' names, not translated: the app labels each role in the reader's language.
 */
public final class MissionProfile {

    /** Where the profile sits inside a bundle. */
    public static final String PATH = "mission/profile.txt";
    /** The largest profile file, in bytes. */
    public static final int MAX_BYTES = 8 * 1024;
    public static final int MAX_VALUE = 200;

    /** The contacts a profile can hold, in the order the card shows them. */
    public enum Role {
        DUTY_OFFICER("duty-officer"), SECURITY_OFFICER("security-officer"), EMBASSY("embassy");

        private final String key;

        Role(String key) {
            this.key = key;
        }

        /** The key prefix in the file, e.g. {@code duty-officer}. */
        public String key() {
            return key;
        }
    }

    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{0,3}( ?[0-9]{1,6}){1,8}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");
    private static final Pattern LINE = Pattern.compile("([a-z-]+)\\.([a-z]+):(.*)");
    private static final List<String> FIELDS = List.of("name", "phone", "email", "hours", "address");

    private final Map<Role, Contact> contacts;

    private MissionProfile(Map<Role, Contact> contacts) {
        this.contacts = Collections.unmodifiableMap(contacts);
    }

    /**
     * One contact of the card; a field not given is empty.
     *
     * @param name the person or service
     * @param phone international format, e.g. {@code +32 2 555 01 00}
     * @param email an address
     * @param hours when they answer, free text such as {@code 24/7}
     * @param address a postal address (for the embassy)
     */
    public record Contact(String name, String phone, String email, String hours, String address) {

        /** The phone number as a {@code tel:} URI (digits and the plus sign only). */
        public String telUri() {
            return "tel:" + phone.replace(" ", "");
        }
    }

    /** The contact for {@code role}, if the profile names one. */
    public Optional<Contact> contact(Role role) {
        return Optional.ofNullable(contacts.get(role));
    }

    /**
     * Reads a profile strictly.
     *
     * @throws BriefingFormatException naming the line and the rule: an unknown key, a key given twice, an
     *     empty or over-long value, a phone not in international format ({@code +32 …}), an e-mail address
     *     that is not one, a control character, or a missing duty-officer or security-officer phone
     */
    public static MissionProfile parse(String text) {
        if (text.length() > MAX_BYTES) {
            throw new BriefingFormatException(1, "the mission profile is larger than " + MAX_BYTES + " characters");
        }
        Map<Role, Map<String, String>> values = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\t')) {
                throw new BriefingFormatException(number, "control characters are not allowed");
            }
            var m = LINE.matcher(line);
            if (!m.matches()) {
                throw new BriefingFormatException(number, "expected \"role.field: value\", e.g. \"duty-officer.phone: +32 2 555 01 00\"");
            }
            Role role = role(m.group(1), number);
            String field = m.group(2);
            if (!FIELDS.contains(field)) {
                throw new BriefingFormatException(number, "unknown field \"" + field + "\" (allowed: " + String.join(", ", FIELDS) + ")");
            }
            String value = m.group(3).strip();
            if (value.isEmpty()) {
                throw new BriefingFormatException(number, role.key() + "." + field + " is empty");
            }
            if (value.length() > MAX_VALUE) {
                throw new BriefingFormatException(number, role.key() + "." + field + " is longer than " + MAX_VALUE + " characters");
            }
            if (field.equals("phone") && !PHONE.matcher(value).matches()) {
                throw new BriefingFormatException(number, role.key() + ".phone must be in international format: +, country code, digits and single spaces (e.g. +32 2 555 01 00)");
            }
            if (field.equals("email") && !EMAIL.matcher(value).matches()) {
                throw new BriefingFormatException(number, role.key() + ".email is not an e-mail address");
            }
            if (values.computeIfAbsent(role, r -> new LinkedHashMap<>()).put(field, value) != null) {
                throw new BriefingFormatException(number, role.key() + "." + field + " is given twice");
            }
        }
        for (Role required : List.of(Role.DUTY_OFFICER, Role.SECURITY_OFFICER)) {
            if (!values.getOrDefault(required, Map.of()).containsKey("phone")) {
                throw new BriefingFormatException(lines.length, required.key() + ".phone is required");
            }
        }
        Map<Role, Contact> contacts = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            Map<String, String> v = values.get(role);
            if (v != null) {
                contacts.put(role, new Contact(v.getOrDefault("name", ""), v.getOrDefault("phone", ""),
                        v.getOrDefault("email", ""), v.getOrDefault("hours", ""), v.getOrDefault("address", "")));
            }
        }
        return new MissionProfile(contacts);
    }

    private static Role role(String key, int line) {
        for (Role role : Role.values()) {
            if (role.key().equals(key)) {
                return role;
            }
        }
        throw new BriefingFormatException(line, "unknown role \"" + key + "\" (allowed: duty-officer, security-officer, embassy)");
    }
}
