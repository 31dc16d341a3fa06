package be.carnet.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ByteRoomTest {

    @Test
    void aLeaseHoldsNothingUntilBytesAreRead() {
        ByteRoom room = new ByteRoom("reports", 100, 60);

        room.lease("10.0.0.1");
        room.lease("10.0.0.1");

        assertEquals(100, room.free());
        assertEquals(0, room.heldBy("10.0.0.1"));
    }

    @Test
    void oneClientIsRefusedPastItsShareWhileAnotherStillFits() {
        ByteRoom room = new ByteRoom("reports", 100, 60);
        ByteRoom.Lease first = room.lease("10.0.0.1");
        ByteRoom.Lease second = room.lease("10.0.0.1");
        assertTrue(first.tryGrow(40));

        boolean grew = second.tryGrow(21);

        assertFalse(grew);
        assertEquals(0, second.held());
        assertTrue(room.lease("10.0.0.2").tryGrow(60));
        assertEquals(0, room.free());
    }

    @Test
    void closingALeaseGivesItsBytesBackOnce() {
        ByteRoom room = new ByteRoom("reports", 100, 100);
        ByteRoom.Lease lease = room.lease("10.0.0.1");
        lease.tryGrow(70);

        lease.close();
        lease.close();

        assertEquals(100, room.free());
        assertEquals(0, room.heldBy("10.0.0.1"));
        assertFalse(lease.tryGrow(1));
    }

    @Test
    void aShareLargerThanTheRoomIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ByteRoom("forms", 10, 11));

        assertEquals("forms: the room per client must be between 1 and 10 bytes, not 11", e.getMessage());
    }

    @Test
    void aBodyIsOnTimeWhileItKeepsTheMinimumRateAfterTheGracePeriod() {
        BodyLimits limits = BodyLimits.defaults(1000, 100).withPace(Duration.ofSeconds(10), 1024);

        assertEquals(Duration.ofSeconds(10), limits.deadlineAfter(0));
        assertEquals(Duration.ofSeconds(12), limits.deadlineAfter(2048));
    }
}
