package be.carnet.protocol.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.json.CanonicalJson;
import be.carnet.protocol.sign.Ed25519KeyPair;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A receipt verifies only in its one canonical byte form and only for exactly what was sent (formats.md 4.5, 8.4). */
class ReceiptStrictnessTest {

    private static final Ed25519KeyPair AGENCY = Ed25519KeyPair.generate();
    private static final String DEVICE = "24f6ed6acbfe1009";
    private static final String SHA = "5c1f0e2d9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f302112030405";
    private static final Receipt.Expected EXPECTED = new Receipt.Expected("r-1", "m-1", DEVICE, SHA);

    private static byte[] signed(String missionId, String deviceKeyId, String agencyKeyId) {
        return new Receipt("r-1", missionId, deviceKeyId, SHA, Instant.parse("2026-11-29T16:04:12.345Z"), 42,
                agencyKeyId).sign(AGENCY);
    }

    @Test
    void aReceiptWithOneBitFlippedInTheUnusedBitsOfItsSignatureIsRefused() {
        byte[] receipt = signed("m-1", DEVICE, AGENCY.publicKey().keyId());
        JsonObject envelope = CanonicalJson.parse(receipt);
        String signature = envelope.get("signature").getAsString();
        // 64 bytes are 88 characters ending in "==": the last symbol before the padding carries 4 unused bits.
        int last = signature.length() - 3;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char flipped = alphabet.charAt(alphabet.indexOf(signature.charAt(last)) ^ 1);
        envelope.addProperty("signature", signature.substring(0, last) + flipped + signature.substring(last + 1));
        byte[] tampered = CanonicalJson.toBytes(envelope);

        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> Receipt.verify(tampered, AGENCY.publicKey(), EXPECTED));

        assertEquals("the receipt is not valid: the signed document is malformed: envelope.signature must be"
                + " canonical base64: the unused bits of its last character must be zero", e.getMessage());
    }

    @Test
    void aReceiptWithoutItsBase64PaddingIsRefused() {
        JsonObject envelope = CanonicalJson.parse(signed("m-1", DEVICE, AGENCY.publicKey().keyId()));
        envelope.addProperty("signature", envelope.get("signature").getAsString().replace("=", ""));
        byte[] unpadded = CanonicalJson.toBytes(envelope);

        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> Receipt.verify(unpadded, AGENCY.publicKey(), EXPECTED));

        assertEquals("the receipt is not valid: the signed document is malformed: envelope.signature must be"
                + " base64 padded with = to a multiple of 4 characters", e.getMessage());
    }

    static Stream<Arguments> foreignReceipts() {
        String agency = AGENCY.publicKey().keyId();
        return Stream.of(
                Arguments.of("another mission", signed("m-2", DEVICE, agency),
                        "the receipt's missionId names another mission than the device's"),
                Arguments.of("another device", signed("m-1", "0000000000000000", agency),
                        "the receipt's deviceKeyId names another device than this one"),
                Arguments.of("another agency key named", signed("m-1", DEVICE, "56475aa75463474c"),
                        "the receipt's agencyKeyId names another agency key than the one that signed it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignReceipts")
    void aReceiptSignedByThePinnedKeyButForSomethingElseIsRefused(String name, byte[] receipt, String message) {
        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> Receipt.verify(receipt, AGENCY.publicKey(), EXPECTED));

        assertEquals(message, e.getMessage());
    }

    @Test
    void theReceiptForExactlyWhatWasSentVerifies() {
        byte[] receipt = signed("m-1", DEVICE, AGENCY.publicKey().keyId());

        Receipt verified = Receipt.verify(receipt, AGENCY.publicKey(), EXPECTED);

        assertEquals(new Receipt("r-1", "m-1", DEVICE, SHA, Instant.parse("2026-11-29T16:04:12.345Z"), 42,
                AGENCY.publicKey().keyId()), verified);
    }
}
