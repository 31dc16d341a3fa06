package be.carnet.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomnessTest {

    @Test
    void uuidsAreLowercaseVersion4AndDistinct() {
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            String id = Randomness.uuid();
            UUID parsed = UUID.fromString(id);
            assertEquals(parsed.toString(), id);
            assertEquals(4, parsed.version());
            assertEquals(2, parsed.variant());
            assertTrue(be.carnet.protocol.report.Report.isValidId(id), id);
            seen.add(id);
        }

        assertEquals(1000, seen.size());
    }
}
