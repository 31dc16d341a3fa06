package be.carnet.content;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.protocol.age.X25519Identity;
import be.carnet.protocol.briefing.MissionProfile;
import be.carnet.protocol.bundle.Bundles;
import be.carnet.protocol.keys.PemKeys;
import be.carnet.protocol.sign.Ed25519KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentToolTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Path SHIPPED = Path.of("briefings");

    @TempDir
    Path dir;
    private Path content;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyTheShippedContent() throws IOException {
        content = dir.resolve("content");
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = content.resolve("briefings").resolve(SHIPPED.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private int run(String... args) {
        ContentTool tool = new ContentTool(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        return tool.run(args);
    }

    @Test
    void theShippedContentPassesTheCheck() {
        int code = run("check", "--content", content.toString());

        assertEquals(0, code, err.toString(UTF_8));
        assertTrue(out.toString(UTF_8).contains("check passed: "), out.toString(UTF_8));
        assertTrue(out.toString(UTF_8).contains("coverage: "), out.toString(UTF_8));
    }

    static Stream<Arguments> brokenContent() {
        return Stream.of(
                Arguments.of("Dutch version missing", (Consumer<Path>) c -> delete(c.resolve("briefings/pre-departure/nl.md")),
                        "error: briefings/pre-departure/nl.md: missing (every briefing exists in French and in Dutch)"),
                Arguments.of("checklist item only in French", (Consumer<Path>) c -> append(
                        c.resolve("briefings/pre-departure/fr.md"), "- [ ] Un point de plus {#extra-item}\n"),
                        "error: briefings/pre-departure/nl.md: checklist items differ from fr.md; missing extra-item"),
                Arguments.of("front matter without title", (Consumer<Path>) c -> replace(
                        c.resolve("briefings/pre-departure/nl.md"), "title: Voor vertrek\n", ""),
                        "error: briefings/pre-departure/nl.md:1: the front matter lacks \"title\""),
                Arguments.of("unknown topic id", (Consumer<Path>) c -> replace(
                        c.resolve("briefings/pre-departure/nl.md"), "topics: P1 ", "topics: X1 P1 "),
                        "error: briefings/pre-departure/nl.md:1: unknown topic \"X1\"; topics are P1–P13, D1–D15, R1–R6"),
                Arguments.of("malformed link", (Consumer<Path>) c -> replace(
                        c.resolve("briefings/pre-departure/fr.md"), "## Pourquoi ce briefing\n\n",
                        "## Pourquoi ce briefing\n\nVoir [la VSSE](vsse.be).\n\n"),
                        "error: briefings/pre-departure/fr.md:33: a link must be a full https:// address without spaces"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenContent")
    void checkFailsNamingTheFileAndTheRule(String name, Consumer<Path> breakIt, String expected) {
        breakIt.accept(content);

        int code = run("check", "--content", content.toString());

        assertEquals(1, code);
        assertTrue(err.toString(UTF_8).contains(expected), err.toString(UTF_8));
    }

    @Test
    void checkWarnsOnABriefingReviewedMoreThanAYearAgo() {
        replace(content.resolve("briefings/pre-departure/fr.md"), "reviewed: 2026-11-28", "reviewed: 2025-10-01");

        int code = run("check", "--content", content.toString());

        assertEquals(0, code);
        assertTrue(err.toString(UTF_8).contains(
                "warning: briefings/pre-departure/fr.md: last reviewed on 2025-10-01, more than 12 months ago"));
    }

    @Test
    void buildWritesABundleTheMissionKeyOpens() throws IOException {
        Ed25519KeyPair agency = Ed25519KeyPair.generate();
        Path key = Files.writeString(dir.resolve("agency-signing.pem"), PemKeys.privateKeyPem(agency));
        X25519Identity mission = X25519Identity.generate();
        Path bundle = dir.resolve("mission.carnet");

        int code = run("build", "--content", content.toString(), "--mission", "m-42", "--version", "3",
                "--recipient", mission.recipient().encoded(), "--agency-key", key.toString(), "--out", bundle.toString());

        assertEquals(0, code, err.toString(UTF_8));
        Bundles.VerifiedBundle verified = Bundles.open(Files.readAllBytes(bundle), agency.publicKey(), "m-42", null,
                List.of(mission), NOW);
        assertEquals(3, verified.manifest().version());
        assertEquals(List.of("fr", "nl"), verified.manifest().languages());
        assertEquals(shippedBriefingFiles(), List.copyOf(verified.files().keySet()));
        assertTrue(verified.files().containsKey("briefings/pre-departure/nl.md"));
    }

    @Test
    void buildCarriesTheMissionProfileAndOpensWithTheMissionPassphrase() throws IOException {
        Ed25519KeyPair agency = Ed25519KeyPair.generate();
        Path key = Files.writeString(dir.resolve("agency-signing.pem"), PemKeys.privateKeyPem(agency));
        Path profile = Path.of("missions/example-profile.txt");
        Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), "trois lampes sous la pluie\n");
        Path bundle = dir.resolve("mission.carnet");

        int code = run("build", "--content", content.toString(), "--mission", "m-42", "--version", "1",
                "--agency-key", key.toString(), "--out", bundle.toString(), "--profile", profile.toString(),
                "--passphrase-file", passphrase.toString(), "--passphrase-work-factor", "10");

        assertEquals(0, code, err.toString(UTF_8));
        assertTrue(out.toString(UTF_8).endsWith("with the mission contacts, also opens with the mission passphrase\n"));
        Bundles.VerifiedBundle verified = Bundles.open(Files.readAllBytes(bundle), agency.publicKey(), "m-42", null,
                List.of(), "trois lampes sous la pluie".toCharArray(), NOW);
        assertEquals(Files.readString(profile, UTF_8),
                new String(verified.files().get(MissionProfile.PATH), UTF_8));
    }

    static Stream<Arguments> refusedBuilds() {
        return Stream.of(
                Arguments.of("a profile that breaks a rule", "duty-officer.phone: 02 555 01 00\n", "a long enough passphrase",
                        "error: the mission profile is not valid: line 1: duty-officer.phone must be in international format:"
                                + " +, country code, digits and single spaces (e.g. +32 2 555 01 00)\n"),
                Arguments.of("a short mission passphrase", null, "short",
                        "error: the mission passphrase must have at least 12 characters\n"),
                Arguments.of("an empty passphrase file", null, "\nsecond line",
                        "error: the passphrase file's first line is empty\n"),
                Arguments.of("a byte-order mark", null, "\uFEFFtrois lampes sous la pluie",
                        "error: the passphrase file starts with a byte-order mark; save it as UTF-8 without BOM\n"),
                Arguments.of("a tab in the passphrase", null, "trois lampes\tsous la pluie",
                        "error: the passphrase holds a control character (a tab?); use letters, digits, spaces and"
                                + " punctuation\n"),
                Arguments.of("a work factor the app could not afford", null, "trois lampes sous la pluie",
                        "error: the scrypt work factor must be between 10 and 17\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBuilds")
    void buildRefusesABadProfileOrPassphraseAndWritesNothing(String name, String profileText, String passphraseText,
                                                             String expected) throws IOException {
        Path key = Files.writeString(dir.resolve("k.pem"), PemKeys.privateKeyPem(Ed25519KeyPair.generate()));
        Path profile = Files.writeString(dir.resolve("profile.txt"), profileText == null
                ? Files.readString(Path.of("missions/example-profile.txt"), UTF_8) : profileText);
        Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), passphraseText);
        Path bundle = dir.resolve("mission.carnet");
        String workFactor = name.contains("work factor") ? "18" : "10";

        int code = run("build", "--content", content.toString(), "--mission", "m", "--version", "1",
                "--agency-key", key.toString(), "--out", bundle.toString(), "--profile", profile.toString(),
                "--passphrase-file", passphrase.toString(), "--passphrase-work-factor", workFactor);

        assertEquals(1, code);
        assertEquals(expected, err.toString(UTF_8));
        assertTrue(Files.notExists(bundle));
    }

    @Test
    void buildRefusesContentThatFailsTheCheckAndWritesNothing() throws IOException {
        delete(content.resolve("briefings/pre-departure/nl.md"));
        Path key = Files.writeString(dir.resolve("k.pem"), PemKeys.privateKeyPem(Ed25519KeyPair.generate()));
        Path bundle = dir.resolve("mission.carnet");

        int code = run("build", "--content", content.toString(), "--mission", "m-42", "--version", "1",
                "--recipient", X25519Identity.generate().recipient().encoded(), "--agency-key", key.toString(),
                "--out", bundle.toString());

        assertEquals(1, code);
        assertTrue(err.toString(UTF_8).startsWith("error: the content does not pass the check:"));
        assertTrue(Files.notExists(bundle));
    }

    @Test
    void buildRefusesAPostQuantumRecipientSayingItIsNotSupported() throws IOException {
        Path key = Files.writeString(dir.resolve("k.pem"), PemKeys.privateKeyPem(Ed25519KeyPair.generate()));

        int code = run("build", "--content", content.toString(), "--mission", "m", "--version", "1",
                "--recipient", "age1pq1" + "q".repeat(1950), "--agency-key", key.toString(),
                "--out", dir.resolve("b").toString());

        assertEquals(1, code);
        assertEquals("error: --recipient is not an age recipient (age1…): post-quantum age recipients (age1pq1…)"
                + " are not supported; Carnet needs an X25519 recipient (age1…, 62 characters)\n", err.toString(UTF_8));
        assertTrue(Files.notExists(dir.resolve("b")));
    }

    @Test
    void buildRefusesAMistypedRecipient() throws IOException {
        Path key = Files.writeString(dir.resolve("k.pem"), PemKeys.privateKeyPem(Ed25519KeyPair.generate()));

        int code = run("build", "--content", content.toString(), "--mission", "m", "--version", "1",
                "--recipient", "age1notarecipient", "--agency-key", key.toString(), "--out", dir.resolve("b").toString());

        assertEquals(1, code);
        assertEquals("error: --recipient is not an age recipient (age1…): invalid character in a Bech32 key\n", err.toString(UTF_8));
    }

    @Test
    void buildRefusesAVersionBeyondWhatCanonicalJsonCarries() throws IOException {
        Path key = Files.writeString(dir.resolve("k.pem"), PemKeys.privateKeyPem(Ed25519KeyPair.generate()));
        Path bundle = dir.resolve("mission.carnet");

        int code = run("build", "--content", content.toString(), "--mission", "m", "--version", "9007199254740992",
                "--recipient", X25519Identity.generate().recipient().encoded(), "--agency-key", key.toString(),
                "--out", bundle.toString());

        assertEquals(2, code);
        assertTrue(err.toString(UTF_8).startsWith("error: --version must be a whole number from 1 to 9007199254740991\n"),
                err.toString(UTF_8));
        assertTrue(Files.notExists(bundle));
    }

    @Test
    void wrongUsageExplainsTheCommands() {
        int code = run("publish");

        assertEquals(2, code);
        assertTrue(err.toString(UTF_8).startsWith("error: unknown command publish\nusage: content check"));
    }

    private List<String> shippedBriefingFiles() throws IOException {
        try (Stream<Path> files = Files.walk(content.resolve("briefings"))) {
            return files.filter(Files::isRegularFile).map(f -> content.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, Files.readString(file, UTF_8) + text, UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file, UTF_8);
            if (!text.contains(from)) {
                throw new IllegalStateException("fixture text not found: " + from);
            }
            Files.writeString(file, text.replace(from, to), UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
