package be.carnet.client.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.client.vault.MemoryFormSeal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kept form's in-memory encoding, its bounds, and the per-lock key it is sealed under (issue 8, item 2a). */
class KeptFormsTest {

    @Test
    void aFormRoundTripsWithEveryValueInOrder() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("description", List.of("Ligne 1\nLigne 2 — “citée” 漢字 \uD83D\uDE00"));
        fields.put("device", List.of("a", "", "b"));

        KeptForm back = KeptForms.decode(KeptForm.Reason.LOCKED, "/incidents/new", KeptForms.encode(fields, true));

        assertEquals(fields, back.fields());
        assertTrue(back.filesLeftOut());
        assertEquals("/incidents/new", back.returnPath());
    }

    @Test
    void aFormOverTheSizeLimitIsNotKept() {
        String large = "x".repeat(KeptForms.MAX_BYTES);

        assertNull(KeptForms.encode(Map.of("description", List.of(large)), false));
        assertNotNull(KeptForms.encode(Map.of("description", List.of("x".repeat(KeptForms.MAX_BYTES - 100))), false));
    }

    @Test
    void aFormWithTooManyFieldsIsNotKept() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i <= KeptForms.MAX_FIELDS; i++) {
            fields.put("f" + i, List.of("v"));
        }

        assertNull(KeptForms.encode(fields, false));
    }

    @Test
    void aSealedFormOpensOnlyUnderItsKeyAndBindingAndNeverAfterTheKeyIsDestroyed() {
        MemoryFormSeal key = new MemoryFormSeal();
        MemoryFormSeal other = new MemoryFormSeal();
        byte[] plain = "texte tapé".getBytes(UTF_8);
        byte[] sealed = key.seal(plain, "session-a|/incidents/new");
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;

        assertArrayEquals(plain, key.open(sealed, "session-a|/incidents/new").orElseThrow());
        assertTrue(key.open(sealed, "session-b|/incidents/new").isEmpty(), "another session");
        assertTrue(other.open(sealed, "session-a|/incidents/new").isEmpty(), "the key of another lock");
        assertTrue(key.open(flipped, "session-a|/incidents/new").isEmpty(), "altered");
        key.destroy();
        assertTrue(key.open(sealed, "session-a|/incidents/new").isEmpty(), "after the key is destroyed");
    }
}
