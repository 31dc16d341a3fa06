package be.carnet.protocol.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.ExternalTool;
import be.carnet.protocol.keys.PemKeys;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignedEnvelopeTest {

    private static final Ed25519KeyPair AGENCY = Ed25519KeyPair.generate();

    private static byte[] receiptLike() {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "carnet.test/1");
        payload.addProperty("reportId", "r-1");
        return SignedEnvelope.sign(payload, AGENCY);
    }

    @Test
    void opensWhatItSigned() {
        SignedEnvelope.Verified verified = SignedEnvelope.open(receiptLike(), AGENCY.publicKey(), "carnet.test/1", 4096);

        assertEquals("{\"reportId\":\"r-1\",\"type\":\"carnet.test/1\"}", verified.text());
    }

    static Stream<Arguments> tampered() {
        return Stream.of(
                Arguments.of("payload changed", (UnaryOperator<JsonObject>) e -> {
                    e.addProperty("payload", Base64.getEncoder().encodeToString(
                            "{\"reportId\":\"r-2\",\"type\":\"carnet.test/1\"}".getBytes(UTF_8)));
                    return e;
                }, "the signature does not match the document"),
                Arguments.of("signer changed", (UnaryOperator<JsonObject>) e -> {
                    e.addProperty("signer", Ed25519KeyPair.generate().publicKey().keyId());
                    return e;
                }, null),
                Arguments.of("signature truncated", (UnaryOperator<JsonObject>) e -> {
                    e.addProperty("signature", e.get("signature").getAsString().substring(0, 20));
                    return e;
                }, "the signature does not match the document"),
                Arguments.of("unknown field", (UnaryOperator<JsonObject>) e -> {
                    e.addProperty("extra", 1);
                    return e;
                }, "the signed document is malformed: envelope has unknown field \"extra\""),
                Arguments.of("signature missing", (UnaryOperator<JsonObject>) e -> {
                    e.remove("signature");
                    return e;
                }, "the signed document is malformed: envelope.signature is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampered")
    void refusesTamperedEnvelopes(String name, UnaryOperator<JsonObject> tamper, String message) {
        JsonObject envelope = JsonParser.parseString(new String(receiptLike(), UTF_8)).getAsJsonObject();
        byte[] bytes = be.carnet.protocol.json.CanonicalJson.toBytes(tamper.apply(envelope));

        SignatureException e = assertThrows(SignatureException.class,
                () -> SignedEnvelope.open(bytes, AGENCY.publicKey(), "carnet.test/1", 4096));

        if (message != null) {
            assertEquals(message, e.getMessage());
        }
    }

    @Test
    void refusesADocumentSignedByAnotherKey() {
        Ed25519PublicKey other = Ed25519KeyPair.generate().publicKey();

        SignatureException e = assertThrows(SignatureException.class,
                () -> SignedEnvelope.open(receiptLike(), other, "carnet.test/1", 4096));

        assertEquals("the document is signed by key " + AGENCY.publicKey().keyId() + ", not by the expected key "
                + other.keyId(), e.getMessage());
    }

    @Test
    void refusesADocumentOfAnotherType() {
        SignatureException e = assertThrows(SignatureException.class,
                () -> SignedEnvelope.open(receiptLike(), AGENCY.publicKey(), "carnet.receipt/1", 4096));

        assertEquals("the signed document is a \"carnet.test/1\", expected \"carnet.receipt/1\"", e.getMessage());
    }

    @Test
    void refusesOversizedEnvelopesBeforeParsing() {
        SignatureException e = assertThrows(SignatureException.class,
                () -> SignedEnvelope.open(receiptLike(), AGENCY.publicKey(), "carnet.test/1", 10));

        assertEquals("the signed document is larger than 10 bytes", e.getMessage());
    }

    @Test
    void opensslVerifiesTheSignatureWithThePemPublicKey(@TempDir Path dir) throws IOException {
        JsonObject envelope = JsonParser.parseString(new String(receiptLike(), UTF_8)).getAsJsonObject();
        Path message = Files.write(dir.resolve("payload.json"),
                Base64.getDecoder().decode(envelope.get("payload").getAsString()));
        Path signature = Files.write(dir.resolve("payload.sig"),
                Base64.getDecoder().decode(envelope.get("signature").getAsString()));
        Path publicKey = Files.writeString(dir.resolve("agency.pub.pem"), PemKeys.publicKeyPem(AGENCY.publicKey()));

        String out = new String(ExternalTool.runOk(List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                publicKey.toString(), "-rawin", "-in", message.toString(), "-sigfile", signature.toString()),
                new byte[0]), UTF_8);

        assertEquals("Signature Verified Successfully", out.strip());
    }

    @Test
    void pemKeysRoundTripAndOpensslReadsThePrivateKey(@TempDir Path dir) throws IOException {
        Path privateKey = Files.writeString(dir.resolve("agency.pem"), PemKeys.privateKeyPem(AGENCY));

        String derivedPublic = new String(ExternalTool.runOk(List.of("openssl", "pkey", "-in", privateKey.toString(),
                "-pubout"), new byte[0]), UTF_8);

        assertEquals(PemKeys.publicKeyPem(AGENCY.publicKey()), derivedPublic);
        assertEquals(AGENCY.publicKey(), PemKeys.parsePrivateKey(Files.readString(privateKey)).publicKey());
    }
}
