package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VaultKeyTest {

    private static final CellAddress CELL = new CellAddress("incidents", "7", "fields_sealed");

    @Test
    void opensWhatItSealedForTheSameCell() {
        VaultKey key = VaultKey.generate();

        byte[] sealed = key.seal("rencontre à l’hôtel".getBytes(UTF_8), CELL);

        assertEquals("rencontre à l’hôtel", new String(key.open(sealed, CELL), UTF_8));
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        VaultKey key = VaultKey.generate();

        byte[] first = key.seal("same".getBytes(UTF_8), CELL);
        byte[] second = key.seal("same".getBytes(UTF_8), CELL);

        assertNotEquals(Arrays.toString(first), Arrays.toString(second));
    }

    static Stream<Arguments> otherCells() {
        return Stream.of(
                Arguments.of(new CellAddress("incidents", "8", "fields_sealed"), "incidents|8|fields_sealed"),
                Arguments.of(new CellAddress("incidents", "7", "report_sealed"), "incidents|7|report_sealed"),
                Arguments.of(new CellAddress("secrets", "7", "fields_sealed"), "secrets|7|fields_sealed"));
    }

    @ParameterizedTest
    @MethodSource("otherCells")
    void refusesAValueMovedToAnotherRowColumnOrTable(CellAddress other, String named) {
        VaultKey key = VaultKey.generate();
        byte[] sealed = key.seal("secret".getBytes(UTF_8), CELL);

        CellTamperedException e = assertThrows(CellTamperedException.class, () -> key.open(sealed, other));

        assertEquals("the value stored at " + named + " does not decrypt: it was altered or does not belong there",
                e.getMessage());
    }

    static Stream<Arguments> damaged() {
        return Stream.of(
                Arguments.of("empty", (UnaryOperator<byte[]>) b -> new byte[0]),
                Arguments.of("truncated to the header", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, 13)),
                Arguments.of("last byte cut", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length - 1)),
                Arguments.of("bit flipped in the ciphertext", (UnaryOperator<byte[]>) b -> flip(b, 14)),
                Arguments.of("bit flipped in the nonce", (UnaryOperator<byte[]>) b -> flip(b, 3)),
                Arguments.of("unknown version", (UnaryOperator<byte[]>) b -> flip(b, 0)),
                Arguments.of("byte appended", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void refusesADamagedValue(String what, UnaryOperator<byte[]> damage) {
        VaultKey key = VaultKey.generate();
        byte[] sealed = key.seal("secret value".getBytes(UTF_8), CELL);

        assertThrows(CellTamperedException.class, () -> key.open(damage.apply(sealed), CELL));
    }

    @Test
    void refusesAValueSealedByAnotherKey() {
        byte[] sealed = VaultKey.generate().seal("secret".getBytes(UTF_8), CELL);

        assertThrows(CellTamperedException.class, () -> VaultKey.generate().open(sealed, CELL));
    }

    @Test
    void aDestroyedKeyRefusesToWork() {
        VaultKey key = VaultKey.generate();
        byte[] sealed = key.seal("x".getBytes(UTF_8), CELL);

        key.destroy();

        assertThrows(VaultLockedException.class, () -> key.open(sealed, CELL));
        assertThrows(VaultLockedException.class, () -> key.seal(new byte[1], CELL));
    }

    @Test
    void theAssociatedDataIsTableRowColumn() {
        assertArrayEquals("incidents|7|fields_sealed".getBytes(UTF_8), CELL.associatedData());
    }

    @Test
    void aCellAddressRefusesTheSeparatorInItsParts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CellAddress("secrets", "a|b", "value"));

        assertEquals("a cell address part must be non-empty and free of '|'", e.getMessage());
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    @Test
    void aValueIsNeverSealedUnderAKeyThatTheIdleLockIsZeroing() throws InterruptedException {
        byte[] raw = be.carnet.protocol.Randomness.bytes(VaultKey.LENGTH);
        VaultKey key = VaultKey.of(raw);
        VaultKey sameKey = VaultKey.of(raw);
        Thread[] idleLock = new Thread[1];
        key.beforeKeyCopy(() -> {
            idleLock[0] = new Thread(key::destroy, "carnet-idle-lock");
            idleLock[0].start();
            waitUntilFinishedOrWaiting(idleLock[0]);
        });

        byte[] sealed = key.seal("the incident".getBytes(UTF_8), CELL);
        idleLock[0].join(10_000);

        assertArrayEquals("the incident".getBytes(UTF_8), sameKey.open(sealed, CELL));
        assertThrows(VaultLockedException.class, () -> key.seal("later".getBytes(UTF_8), CELL));
    }

    /** The zeroing thread either ran to the end (the race) or waits for the key copy to finish (the fix). */
    private static void waitUntilFinishedOrWaiting(Thread thread) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED || state == Thread.State.WAITING || state == Thread.State.BLOCKED) {
                return;
            }
            Thread.onSpinWait();
        }
    }
}
