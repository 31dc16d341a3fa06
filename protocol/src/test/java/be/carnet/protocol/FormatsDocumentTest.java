package be.carnet.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.json.CanonicalJson;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Receipt;
import be.carnet.protocol.report.Report;
import be.carnet.protocol.sign.Ed25519KeyPair;
import be.carnet.protocol.sign.SignedEnvelope;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/formats.md are computed, not hand-written: this test reads them from the
 * document itself and checks them against the reference code, so the document cannot drift from the
 * code (or from itself) without a test failing. The keys are the public example keys of section 14.
 */
class FormatsDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "formats.md");
    private static final Ed25519KeyPair AGENCY = Ed25519KeyPair.fromSeed(bytesFrom(0x00));
    private static final Ed25519KeyPair DEVICE = Ed25519KeyPair.fromSeed(bytesFrom(0x20));

    private static byte[] bytesFrom(int first) {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (first + i);
        }
        return seed;
    }

    private static String document() throws IOException {
        assertTrue(Files.isRegularFile(DOCUMENT), "docs/formats.md is not at " + DOCUMENT.toAbsolutePath());
        return Files.readString(DOCUMENT, UTF_8);
    }

    /** The text of the section whose heading starts with {@code heading}, up to the next heading of any level. */
    private static String section(String heading) throws IOException {
        String doc = document();
        int start = doc.indexOf("\n" + heading);
        assertTrue(start >= 0, "no heading " + heading + " in formats.md");
        Matcher next = Pattern.compile("\n#{2,3} ").matcher(doc);
        int end = next.find(start + 1) ? next.start() : doc.length();
        return doc.substring(start, end);
    }

    /** The first fenced {@code json} block of a section, parsed leniently (it is pretty-printed for reading). */
    private static JsonObject jsonExample(String heading) throws IOException {
        Matcher m = Pattern.compile("```json\n(.*?)\n```", Pattern.DOTALL).matcher(section(heading));
        assertTrue(m.find(), "no json example in " + heading);
        return JsonParser.parseString(m.group(1)).getAsJsonObject();
    }

    /** A vector of section 14: the label, then its size and SHA-256 (when given), then the envelope line. */
    private record Vector(byte[] bytes, Integer statedSize, String statedSha256) {
    }

    private static Vector vector(String label) throws IOException {
        String vectors = section("## 14.");
        int at = vectors.indexOf("**" + label + "**");
        assertTrue(at >= 0, "no vector **" + label + "** in section 14");
        String rest = vectors.substring(at);
        Matcher line = Pattern.compile("\n(\\{\"payload\":[^\n]*)\n").matcher(rest);
        assertTrue(line.find(), "no envelope after **" + label + "**");
        String intro = rest.substring(0, line.start());
        Matcher size = Pattern.compile("(\\d[\\d ]*) bytes").matcher(intro);
        Matcher sha = Pattern.compile("`([0-9a-f]{64})`").matcher(intro);
        Integer statedSize = size.find() ? Integer.valueOf(size.group(1).replace(" ", "")) : null;
        return new Vector(line.group(1).getBytes(UTF_8), statedSize, sha.find() ? sha.group(1) : null);
    }

    @Test
    void theExampleKeysHaveTheKeyIdsTheDocumentGives() throws IOException {
        String vectors = section("## 14.");

        assertTrue(vectors.contains("Agency key id `" + AGENCY.publicKey().keyId() + "`"), "agency key id");
        assertTrue(vectors.contains("Device key id `" + DEVICE.publicKey().keyId() + "`"), "device key id");
    }

    @Test
    void theFirstReportIsSignedByTheDeviceAndHasTheStatedSizeAndHash() throws IOException {
        Vector first = vector("Report, sequence 1");

        Report report = Report.fromJson(
                SignedEnvelope.open(first.bytes(), DEVICE.publicKey(), Report.TYPE, Integer.MAX_VALUE).payload());

        assertEquals(1, report.sequence());
        assertEquals(Report.FIRST_PREVIOUS_HASH, report.previousHash());
        assertEquals(first.statedSize(), first.bytes().length);
        assertEquals(first.statedSha256(), Hashes.sha256Hex(first.bytes()));
    }

    @Test
    void theReportExampleIsTheSecondEntryChainedToTheFirst() throws IOException {
        Report first = Report.fromJson(SignedEnvelope.open(vector("Report, sequence 1").bytes(), DEVICE.publicKey(),
                Report.TYPE, Integer.MAX_VALUE).payload());

        Report example = Report.fromJson(jsonExample("### 4.4"));

        assertEquals(Hashes.sha256Hex(vector("Report, sequence 1").bytes()), example.previousHash(),
                "section 4.4's previousHash must be the SHA-256 of the sequence 1 envelope (section 7)");
        assertEquals(first.sequence() + 1, example.sequence());
        assertEquals(first.reportId(), example.incident().amends());
        assertEquals(first.missionId(), example.missionId());
        assertEquals(DEVICE.publicKey().keyId(), example.deviceKeyId());
        assertEquals(AGENCY.publicKey().keyId(), example.agencyKeyId());
        assertTrue(first.createdAt().isBefore(example.createdAt()), "the second entry is made after the first");
    }

    @Test
    void theReportExampleIsExactlyWhatTheWriterWrites() throws IOException {
        JsonObject shown = jsonExample("### 4.4");

        byte[] written = CanonicalJson.toBytes(Report.fromJson(shown).toJson());

        assertArrayEquals(CanonicalJson.toBytes(shown), written);
        Attachment photo = Report.fromJson(shown).incident().attachments().get(0);
        assertEquals(Hashes.sha256Hex(photo.data()), photo.sha256());
    }

    @Test
    void theSecondReportVectorIsTheExampleSignedWithTheDeviceKey() throws IOException {
        Vector second = vector("Report, sequence 2");

        byte[] signed = SignedEnvelope.sign(Report.fromJson(jsonExample("### 4.4")).toJson(), DEVICE);

        assertEquals(new String(signed, UTF_8), new String(second.bytes(), UTF_8));
        assertEquals(second.statedSize(), second.bytes().length);
        assertEquals(second.statedSha256(), Hashes.sha256Hex(second.bytes()));
    }

    @Test
    void theReceiptVectorIsTheReceiptExampleSignedWithTheAgencyKey() throws IOException {
        Vector receipt = vector("Receipt");

        JsonObject payload = SignedEnvelope.open(receipt.bytes(), AGENCY.publicKey(), Receipt.TYPE, Receipt.MAX_BYTES)
                .payload();

        assertEquals(CanonicalJson.toText(jsonExample("### 4.5")), CanonicalJson.toText(payload));
        assertEquals(receipt.statedSize(), receipt.bytes().length);
    }

    @Test
    void theEnrolmentRequestVectorIsTheRequestExampleSignedWithTheDeviceKey() throws IOException {
        Vector request = vector("Enrolment request");

        JsonObject payload = SignedEnvelope.open(request.bytes(), DEVICE.publicKey(), "carnet.enrol-request/1", 4096)
                .payload();

        assertEquals(CanonicalJson.toText(jsonExample("### 4.1")), CanonicalJson.toText(payload));
    }
}
