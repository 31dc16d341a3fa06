package be.carnet.client.incident;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.client.storage.StorageException;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sealed fields of drafts and entries: the protocol's incident JSON nested, and the first builds' flat rows. */
class StoredFieldsTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void everyFieldAndEveryFileSurviveEncodingAndDecoding() {
        StoredFields fields = new StoredFields(new Incident(Category.T02, Severity.S3, Tlp.RED, "2026-11-27T22:15+08:00",
                true, "Hôtel", "Portable", "Valise ouverte", "Éteint", true, 95, "messagerie",
                "00000000-0000-4000-8000-000000000001", List.of()), AT,
                List.of(new AttachmentInfo(7, "photo.jpg", "image/jpeg", 4, "9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a")),
                "Asia/Shanghai");

        assertEquals(fields, StoredFields.decode(fields.encode()));
    }

    @Test
    void aRowWrittenByTheFirstBuildsStillReads() {
        String flat = "{\"category\":\"T03\",\"severity\":\"S2\",\"tlp\":\"AMBER\",\"occurredAt\":\"2026-11-27T22:15+08:00\","
                + "\"place\":\"Hôtel\",\"description\":\"Le portable a changé de place.\",\"createdAt\":\"2026-11-28T10:00:00Z\"}";

        StoredFields fields = StoredFields.decode(flat.getBytes(UTF_8));

        assertEquals(new Incident(Category.T03, Severity.S2, Tlp.AMBER, "2026-11-27T22:15+08:00", "Hôtel",
                "Le portable a changé de place."), fields.incident());
        assertEquals(AT, fields.createdAt());
        assertEquals("", fields.zone());
    }

    @Test
    void aValueThatIsNotStoredFieldsIsAStorageErrorNamingNoValue() {
        StorageException e = assertThrows(StorageException.class,
                () -> StoredFields.decode("{\"incident\":{},\"createdAt\":\"x\",\"secret\":\"s3cr3t\"}".getBytes(UTF_8)));

        assertEquals("stored incident fields are not valid: fields has unknown field \"secret\"", e.getMessage());
    }
}
