package be.carnet.protocol.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.sign.Ed25519KeyPair;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of an incident, its attachments, and the rules a report's incident must follow. */
class IncidentTest {

    private static final Attachment PHOTO = new Attachment("chambre 1204.jpg", "image/jpeg", new byte[] {1, 2, 3, 4});

    private static Incident full() {
        return new Incident(Category.T03, Severity.S2, Tlp.AMBER, "2026-11-27T22:15+08:00", true, "Hôtel, Shanghai",
                "Portable de mission", "La valise a été ouverte.", "Appareil éteint et mis sous enveloppe.", true, 95,
                "messagerie de la mission", UUID.randomUUID().toString(), List.of(PHOTO));
    }

    @Test
    void everyFieldAndTheAttachmentsSurviveSigningSealingAndOpening() {
        Ed25519KeyPair device = Ed25519KeyPair.generate();
        X25519Identity agency = X25519Identity.generate();
        Report report = new Report(UUID.randomUUID().toString(), "m-1", device.publicKey().keyId(), "a", 1,
                Report.FIRST_PREVIOUS_HASH, Instant.parse("2026-11-28T10:00:00Z"), full());

        Report opened = SealedReport.open(SealedReport.seal(SealedReport.sign(report, device), agency.recipient()), agency,
                id -> Optional.of(device.publicKey())).report();

        assertEquals(report, opened);
        assertEquals(95, opened.incident().outOfSightMinutes());
        assertEquals("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a",
                opened.incident().attachments().get(0).sha256());
    }

    @Test
    void theAttachmentCarriesItsSizeAndHash() {
        JsonObject json = PHOTO.toJson();

        assertEquals(4, json.get("size").getAsInt());
        assertEquals(PHOTO.sha256(), json.get("sha256").getAsString());
        assertEquals("AQIDBA==", json.get("data").getAsString());
    }

    static Stream<Arguments> refusedIncidents() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("time out of sight for a phishing", (Supplier<Incident>) () -> new Incident(Category.T12,
                        Severity.S1, Tlp.AMBER, "", false, "", "", "x", "", false, 10, "", "", List.of()),
                        "outOfSightMinutes is only for T02 and T03"),
                Arguments.of("negative time out of sight", (Supplier<Incident>) () -> new Incident(Category.T02,
                        Severity.S1, Tlp.AMBER, "", false, "", "", "x", "", false, -1, "", "", List.of()),
                        "outOfSightMinutes must be between 0 and 43200"),
                Arguments.of("amends something that is not a report id", (Supplier<Incident>) () -> new Incident(
                        Category.T12, Severity.S1, Tlp.AMBER, "", false, "", "", "x", "", false, null, "",
                        "../../etc", List.of()), "amends must be empty or a report id"),
                Arguments.of("six attachments", (Supplier<Incident>) () -> new Incident(Category.T12, Severity.S1,
                        Tlp.AMBER, "", false, "", "", "x", "", false, null, "", "", Collections.nCopies(6, PHOTO)),
                        "at most 5 attachments"),
                Arguments.of("attachments over 10 MiB in all", (Supplier<Incident>) () -> new Incident(Category.T12,
                        Severity.S1, Tlp.AMBER, "", false, "", "", "x", "", false, null, "", "", Collections.nCopies(3,
                        new Attachment("big.bin", Attachment.UNKNOWN_TYPE, new byte[4 * 1024 * 1024]))),
                        "the attachments must total at most 10485760 bytes"),
                Arguments.of("over-long device", (Supplier<Incident>) () -> new Incident(Category.T12, Severity.S1,
                        Tlp.AMBER, "", false, "", "d".repeat(101), "x", "", false, null, "", id, List.of()),
                        "device must be at most 100 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedIncidents")
    void refusesAnIncidentThatBreaksARule(String name, Supplier<Incident> incident, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, incident::get);

        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> refusedAttachments() {
        return Stream.of(
                Arguments.of("a folder in the name", "../secret.txt", "text/plain", 1),
                Arguments.of("a backslash in the name", "a\\b.txt", "text/plain", 1),
                Arguments.of("a control character in the name", "a\u0000b", "text/plain", 1),
                Arguments.of("an empty name", " ", "text/plain", 1),
                Arguments.of("a name over 120 characters", "n".repeat(121), "text/plain", 1),
                Arguments.of("a right-to-left override disguising the extension", "facture\u202Efdp.exe", "text/plain", 1),
                Arguments.of("a zero-width space", "a\u200Bb.txt", "text/plain", 1),
                Arguments.of("a trailing space", "a.txt ", "text/plain", 1),
                Arguments.of("a media type with a parameter", "a.txt", "text/plain; charset=utf-8", 1),
                Arguments.of("an uppercase media type", "a.txt", "Text/Plain", 1),
                Arguments.of("over 5 MiB", "a.bin", "application/octet-stream", Attachment.MAX_BYTES + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAttachments")
    void refusesABadAttachment(String name, String fileName, String mediaType, int size) {
        assertThrows(IllegalArgumentException.class, () -> new Attachment(fileName, mediaType, new byte[size]));
    }

    static Stream<Arguments> forgedAttachmentJson() {
        return Stream.of(
                Arguments.of("size does not match", (Consumer<JsonObject>) o -> o.addProperty("size", 5),
                        "attachment.size does not match its data"),
                Arguments.of("hash does not match", (Consumer<JsonObject>) o -> o.addProperty("sha256", "0".repeat(64)),
                        "attachment.sha256 does not match its data"),
                Arguments.of("data not base64", (Consumer<JsonObject>) o -> o.addProperty("data", "%%%%"),
                        "attachment.data must be standard base64 (A-Z a-z 0-9 + / and final = padding only), found"
                                + " another character at position 0"),
                Arguments.of("data with stray bits", (Consumer<JsonObject>) o -> o.addProperty("data", "AQIDBB=="),
                        "attachment.data must be canonical base64: the unused bits of its last character must be zero"),
                Arguments.of("unknown field", (Consumer<JsonObject>) o -> o.addProperty("path", "/etc/passwd"),
                        "attachment has unknown field \"path\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedAttachmentJson")
    void refusesAnAttachmentWhoseJsonDoesNotMatchItsData(String name, Consumer<JsonObject> forge, String message) {
        JsonObject json = PHOTO.toJson();
        forge.accept(json);

        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Attachment.fromJson(json));

        assertEquals(message, e.getMessage());
    }

    @Test
    void aReportSignedBeforeTheNewFieldsStillReads() {
        JsonObject old = new JsonObject();
        old.addProperty("category", "T03");
        old.addProperty("severity", "S2");
        old.addProperty("tlp", "AMBER");
        old.addProperty("occurredAt", "2026-11-27T22:15+08:00");
        old.addProperty("place", "Hôtel");
        old.addProperty("description", "Le portable a changé de place.");

        Incident read = Incident.fromJson(old);

        assertEquals(new Incident(Category.T03, Severity.S2, Tlp.AMBER, "2026-11-27T22:15+08:00", "Hôtel",
                "Le portable a changé de place."), read);
    }

    @Test
    void theShortFormLeavesTheOtherFieldsEmpty() {
        Incident quick = new Incident(Category.T12, Severity.S1, Tlp.AMBER, "", "", "Faux message DHL");

        assertEquals("", quick.device());
        assertEquals(List.of(), quick.attachments());
        assertEquals(null, quick.outOfSightMinutes());
        assertEquals("Faux message DHL", new String(quick.description().getBytes(UTF_8), UTF_8));
    }
}
