package be.carnet.protocol.report;

import be.carnet.protocol.age.Age;
import be.carnet.protocol.age.AgeException;
import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.age.X25519Recipient;
import be.carnet.protocol.json.JsonFormatException;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.Ed25519PublicKey;
import be.carnet.protocol.sign.SignatureException;
import be.carnet.protocol.sign.SignedEnvelope;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A report signed by the device and age-encrypted to the agency report key: sign, then encrypt.
 * The same sealed bytes travel over the network and in a sync file.
 */
public final class SealedReport {

    /** Larger sealed reports are refused before decryption. */
    /** Largest sealed report: room for {@link Attachment#MAX_TOTAL_BYTES} base64-encoded twice, and the rest. */
    public static final int MAX_SEALED_BYTES = 24 * 1024 * 1024;

    private SealedReport() {
    }

    /** The signed envelope bytes of {@code report} (what the journal chain hashes). */
    public static byte[] sign(Report report, Ed25519KeyPair deviceKey) {
        if (!deviceKey.publicKey().keyId().equals(report.deviceKeyId())) {
            throw new IllegalArgumentException("the report names another device key");
        }
        return SignedEnvelope.sign(report.toJson(), deviceKey);
    }

    /** Encrypts signed envelope bytes to the agency. */
    public static byte[] seal(byte[] signedEnvelope, X25519Recipient agencyReportRecipient) {
        return Age.encrypt(signedEnvelope, agencyReportRecipient);
    }

    /**
     * Opens a sealed report at the agency.
     *
     * @param untrustedSealed bytes as received
     * @param agencyIdentity the agency report identity
     * @param deviceKeys finds an enrolled device's key by key id
     * @return the verified report and the signed bytes
     * @throws ReportRejectedException naming the rule broken
     */
    public static Opened open(byte[] untrustedSealed, X25519Identity agencyIdentity,
                              Function<String, Optional<Ed25519PublicKey>> deviceKeys) {
        if (untrustedSealed.length > MAX_SEALED_BYTES) {
            throw new ReportRejectedException("the report is larger than " + MAX_SEALED_BYTES + " bytes");
        }
        byte[] envelope;
        try {
            requireOneX25519Stanza(Age.stanzaTypes(untrustedSealed));
            envelope = Age.decrypt(untrustedSealed, agencyIdentity);
        } catch (AgeException e) {
            throw new ReportRejectedException("the report cannot be decrypted: " + e.getMessage(), e);
        }
        try {
            SignedEnvelope.Unverified unverified = SignedEnvelope.parse(envelope, MAX_SEALED_BYTES);
            Ed25519PublicKey deviceKey = deviceKeys.apply(unverified.claimedSignerId())
                    .orElseThrow(() -> new ReportRejectedException("the report is signed by a device that is not enrolled"));
            SignedEnvelope.Verified verified = unverified.verify(deviceKey, Report.TYPE);
            Report report = Report.fromJson(verified.payload());
            if (!report.deviceKeyId().equals(deviceKey.keyId())) {
                throw new ReportRejectedException("the report names another device than the one that signed it");
            }
            return new Opened(report, envelope, deviceKey);
        } catch (SignatureException | JsonFormatException e) {
            throw new ReportRejectedException("the report is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * formats.md 8.1: a report is sealed to the agency alone, as one age file with exactly one X25519 stanza. A
     * file that also names another recipient would be readable by someone else than the agency: refused.
     */
    private static void requireOneX25519Stanza(List<String> stanzaTypes) {
        if (stanzaTypes.size() != 1) {
            throw new ReportRejectedException("the report is sealed to " + stanzaTypes.size() + " recipients; a sealed"
                    + " report must have exactly one recipient stanza, X25519 to the agency report key (formats.md 8.1)");
        }
        if (!X25519Recipient.TYPE.equals(stanzaTypes.get(0))) {
            throw new ReportRejectedException("the report's recipient stanza is not X25519; a sealed report must have"
                    + " exactly one recipient stanza, X25519 to the agency report key (formats.md 8.1)");
        }
    }

    /**
     * A report that decrypted and verified.
     *
     * @param report its fields
     * @param signedEnvelope the signed bytes (the journal entry the next one chains to)
     * @param deviceKey the device key that signed it
     */
    public record Opened(Report report, byte[] signedEnvelope, Ed25519PublicKey deviceKey) {
    }
}
