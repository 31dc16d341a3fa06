package be.carnet.protocol.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.briefing.MissionProfile.Role;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The mission profile: the contacts on the traveller's emergency card. */
class MissionProfileTest {

    private static final String VALID = """
            # Mission contacts
            duty-officer.name: Permanence sécurité
            duty-officer.phone: +32 2 555 01 00
            duty-officer.hours: 24/7
            security-officer.name: Anne Dubois
            security-officer.phone: +32 470 12 34 56
            security-officer.email: anne.dubois@agence.example

            embassy.address: 6 Sanlitun Lu, Chaoyang, Beijing
            """;

    @Test
    void readsTheContactsOfEachRole() {
        MissionProfile profile = MissionProfile.parse(VALID);

        MissionProfile.Contact duty = profile.contact(Role.DUTY_OFFICER).orElseThrow();
        assertEquals("Permanence sécurité", duty.name());
        assertEquals("tel:+3225550100", duty.telUri());
        assertEquals("24/7", duty.hours());
        assertEquals("anne.dubois@agence.example", profile.contact(Role.SECURITY_OFFICER).orElseThrow().email());
        assertEquals("", profile.contact(Role.EMBASSY).orElseThrow().phone());
    }

    @Test
    void aRoleNotGivenIsAbsent() {
        MissionProfile profile = MissionProfile.parse("duty-officer.phone: +32 2 555 01 00\r\nsecurity-officer.phone: +32 2 555 01 01\r\n");

        assertTrue(profile.contact(Role.EMBASSY).isEmpty());
    }

    static Stream<Arguments> hostileProfiles() {
        String ok = "duty-officer.phone: +32 2 555 01 00\nsecurity-officer.phone: +32 2 555 01 01\n";
        return Stream.of(
                Arguments.of("unknown role", ok + "ambassador.phone: +32 2 1\n", "line 3: unknown role \"ambassador\" (allowed: duty-officer, security-officer, embassy)"),
                Arguments.of("unknown field", ok + "embassy.fax: +32 2 1\n", "line 3: unknown field \"fax\" (allowed: name, phone, email, hours, address)"),
                Arguments.of("not a key-value line", ok + "call the embassy\n", "line 3: expected \"role.field: value\", e.g. \"duty-officer.phone: +32 2 555 01 00\""),
                Arguments.of("given twice", ok + "duty-officer.phone: +32 2 555 01 09\n", "line 3: duty-officer.phone is given twice"),
                Arguments.of("empty value", ok + "embassy.name:   \n", "line 3: embassy.name is empty"),
                Arguments.of("national phone format", "duty-officer.phone: 02 555 01 00\n", "line 1: duty-officer.phone must be in international format: +, country code, digits and single spaces (e.g. +32 2 555 01 00)"),
                Arguments.of("script in a phone", "duty-officer.phone: +32<script>\n", "line 1: duty-officer.phone must be in international format: +, country code, digits and single spaces (e.g. +32 2 555 01 00)"),
                Arguments.of("bad e-mail", ok + "embassy.email: embassy at example\n", "line 3: embassy.email is not an e-mail address"),
                Arguments.of("control character", ok + "embassy.name: a\u0007b\n", "line 3: control characters are not allowed"),
                Arguments.of("over-long value", ok + "embassy.name: " + "x".repeat(201) + "\n", "line 3: embassy.name is longer than 200 characters"),
                Arguments.of("duty officer phone missing", "security-officer.phone: +32 2 555 01 01\n", "line 2: duty-officer.phone is required"),
                Arguments.of("security officer phone missing", "duty-officer.phone: +32 2 555 01 00\n", "line 2: security-officer.phone is required"),
                Arguments.of("oversized file", "#" + "x".repeat(MissionProfile.MAX_BYTES), "line 1: the mission profile is larger than 8192 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileProfiles")
    void refusesABadProfileNamingTheLineAndTheRule(String name, String text, String message) {
        BriefingFormatException e = assertThrows(BriefingFormatException.class, () -> MissionProfile.parse(text));

        assertEquals(message, e.getMessage());
    }
}
