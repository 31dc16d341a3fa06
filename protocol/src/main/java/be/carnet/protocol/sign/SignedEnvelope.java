package be.carnet.protocol.sign;

import static java.nio.charset.StandardCharsets.UTF_8;

import be.carnet.protocol.json.CanonicalJson;
import be.carnet.protocol.json.JsonFields;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.json.StrictBase64;
import com.google.gson.JsonObject;
import java.util.Set;

/**
 * A signed document: {@code {"payload":B64,"signature":B64,"signer":KEYID}} in canonical JSON, where
 * {@code payload} is the base64 of the canonical JSON bytes that were signed, {@code signature} the
 * 64-byte Ed25519 signature over exactly those bytes, and {@code signer} the key id of the signer.
 *
 * <p>Keeping the signed bytes as base64 means a verifier never re-serialises anything: it checks the
 * signature over the bytes it received, then parses them strictly. Every payload carries a
 * {@code "type"} field (for example {@code "carnet.receipt/1"}) so a signature made for one kind of
 * document is never accepted as another.
 */
public final class SignedEnvelope {

    private static final Set<String> KEYS = Set.of("payload", "signature", "signer");

    private SignedEnvelope() {
    }

    /** Signs {@code payload} (which must have a {@code type}) and returns the envelope bytes. */
    public static byte[] sign(JsonObject payload, Ed25519KeyPair key) {
        if (!payload.has("type")) {
            throw new IllegalArgumentException("a signed payload needs a type");
        }
        byte[] signed = CanonicalJson.toBytes(payload);
        JsonObject envelope = new JsonObject();
        envelope.addProperty("payload", StrictBase64.encode(signed));
        envelope.addProperty("signature", StrictBase64.encode(key.sign(signed)));
        envelope.addProperty("signer", key.publicKey().keyId());
        return CanonicalJson.toBytes(envelope);
    }

    /**
     * Verifies an envelope signed by {@code signer} whose payload has type {@code expectedType}.
     *
     * @param untrustedEnvelope bytes as received
     * @param maxBytes refuse anything larger before parsing
     * @return the verified payload
     * @throws SignatureException when the envelope is malformed, signed by another key, or altered
     */
    public static Verified open(byte[] untrustedEnvelope, Ed25519PublicKey signer, String expectedType, int maxBytes) {
        Unverified envelope = parse(untrustedEnvelope, maxBytes);
        return envelope.verify(signer, expectedType);
    }

    /**
     * Parses an envelope without checking its signature, for the one case where the signer's key is
     * inside the payload (an enrolment answer, checked against a fingerprint afterwards). Call
     * {@link Unverified#verify} before trusting anything in it.
     */
    public static Unverified parse(byte[] untrustedEnvelope, int maxBytes) {
        if (untrustedEnvelope == null || untrustedEnvelope.length == 0) {
            throw new SignatureException("the signed document is empty");
        }
        if (untrustedEnvelope.length > maxBytes) {
            throw new SignatureException("the signed document is larger than " + maxBytes + " bytes");
        }
        try {
            JsonObject envelope = CanonicalJson.parse(untrustedEnvelope);
            JsonFields fields = JsonFields.of(envelope, "envelope").onlyKeys(KEYS);
            byte[] payload = StrictBase64.decode(fields.string("payload", maxBytes), "envelope.payload");
            byte[] signature = StrictBase64.decode(fields.string("signature", 100), "envelope.signature");
            String signerId = fields.string("signer", 64);
            return new Unverified(payload, signature, signerId);
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw new SignatureException("the signed document is malformed: " + e.getMessage(), e);
        }
    }

    /** An envelope whose signature has not been checked yet. */
    public static final class Unverified {
        private final byte[] untrustedPayload;
        private final byte[] signature;
        private final String signerId;

        private Unverified(byte[] untrustedPayload, byte[] signature, String signerId) {
            this.untrustedPayload = untrustedPayload;
            this.signature = signature;
            this.signerId = signerId;
        }

        /** The key id the envelope claims; not trustworthy until {@link #verify} passes. */
        public String claimedSignerId() {
            return signerId;
        }

        /**
         * Parses the payload WITHOUT verifying it, only to find the key that must then verify it.
         * Never act on anything else read from it.
         */
        public JsonObject untrustedPayload() {
            try {
                return CanonicalJson.parse(untrustedPayload);
            } catch (JsonFormatException e) {
                throw new SignatureException("the signed document is malformed: " + e.getMessage(), e);
            }
        }

        /** Checks the signature by {@code signer} and the payload type. */
        public Verified verify(Ed25519PublicKey signer, String expectedType) {
            if (!signer.keyId().equals(signerId)) {
                throw new SignatureException("the document is signed by key " + signerId
                        + ", not by the expected key " + signer.keyId());
            }
            if (!signer.verifies(untrustedPayload, signature)) {
                throw new SignatureException("the signature does not match the document");
            }
            JsonObject payload;
            try {
                payload = CanonicalJson.parse(untrustedPayload);
            } catch (JsonFormatException e) {
                throw new SignatureException("the signed payload is malformed: " + e.getMessage(), e);
            }
            String type = payload.has("type") && payload.get("type").isJsonPrimitive()
                    ? payload.get("type").getAsString() : "";
            if (!expectedType.equals(type)) {
                throw new SignatureException("the signed document is a \"" + type + "\", expected \"" + expectedType + "\"");
            }
            return new Verified(payload, untrustedPayload.clone(), signer);
        }
    }

    /**
     * A payload whose signature and type have been checked.
     *
     * @param payload the parsed payload
     * @param signedBytes the exact bytes that were signed
     * @param signer the key that signed them
     */
    public record Verified(JsonObject payload, byte[] signedBytes, Ed25519PublicKey signer) {

        public String text() {
            return new String(signedBytes, UTF_8);
        }
    }
}
