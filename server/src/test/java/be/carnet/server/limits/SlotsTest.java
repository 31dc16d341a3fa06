package be.carnet.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotsTest {

    @Test
    void refusesAtOnceWhenEveryPlaceIsTakenAndFreesAPlaceOnClose() {
        Slots slots = new Slots("bundle downloads", 2);
        Optional<Slots.Place> first = slots.tryTake();
        Optional<Slots.Place> second = slots.tryTake();

        Optional<Slots.Place> third = slots.tryTake();
        first.orElseThrow().close();
        first.orElseThrow().close();

        assertTrue(second.isPresent());
        assertTrue(third.isEmpty());
        assertEquals(1, slots.free());
    }

    @Test
    void needsAtLeastOnePlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Slots("downloads", 0));

        assertEquals("downloads needs at least one place, not 0", e.getMessage());
    }
}
