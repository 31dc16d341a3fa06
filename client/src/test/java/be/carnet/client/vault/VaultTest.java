package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.TestParts;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VaultTest {

    private static final String PASSPHRASE = "un voyage à Pékin en hiver";
    private static final CellAddress CELL = new CellAddress("secrets", "enrolment", "value");

    @TempDir
    Path dir;

    private final TestParts.RecordedWaits waits = new TestParts.RecordedWaits();

    private Vault vault() {
        return new Vault(dir.resolve("vault.key"), TestParts.CHEAP_KDF, waits);
    }

    @Test
    void aNewDataDirectoryHasNoVault() {
        assertEquals(Vault.State.ABSENT, vault().state());
    }

    @Test
    void createsAVaultThatIsOpenAndWritesOnlyTheWrappedKey() throws Exception {
        Vault vault = vault();

        vault.create(PASSPHRASE, PASSPHRASE);

        assertEquals(Vault.State.UNLOCKED, vault.state());
        JsonObject file = JsonParser.parseString(Files.readString(dir.resolve("vault.key"), UTF_8)).getAsJsonObject();
        assertEquals("carnet.vault-key/2", file.get("format").getAsString());
        assertEquals("argon2id", file.get("kdf").getAsString());
        assertEquals(1024, file.get("memoryKiB").getAsInt());
        assertEquals(List.of("format", "kdf", "memoryKiB", "iterations", "parallelism", "salt", "key", "duress"),
                List.copyOf(file.keySet()));
    }

    @Test
    void unlocksWithTheRightPassphraseAfterARestart() {
        Vault first = vault();
        first.create(PASSPHRASE, PASSPHRASE);
        byte[] sealed = first.key().seal("mission".getBytes(UTF_8), CELL);

        Vault second = vault();
        second.unlock(PASSPHRASE);

        assertEquals(Vault.State.UNLOCKED, second.state());
        assertEquals("mission", new String(second.key().open(sealed, CELL), UTF_8));
    }

    @Test
    void aPassphraseOfManyNonBmpCharactersSetUpCanUnlock() {
        String emoji = "\uD83C\uDF0D\uD83D\uDD11".repeat(300);
        assertEquals(1200, emoji.length());
        vault().create(emoji, emoji);

        Vault vault = vault();
        vault.unlock(emoji);

        assertEquals(Vault.State.UNLOCKED, vault.state());
    }

    @Test
    void aTooLongPassphraseBreaksTheTooLongRule() {
        String tooLong = "a".repeat(Passphrases.MAX_LENGTH + 1);

        PassphraseRuleException e = assertThrows(PassphraseRuleException.class, () -> vault().create(tooLong, tooLong));

        assertEquals(PassphraseRuleException.Rule.TOO_LONG, e.rule());
    }

    @Test
    void refusesAWrongPassphraseWithAGrowingDelay() {
        vault().create(PASSPHRASE, PASSPHRASE);
        Vault vault = vault();

        WrongPassphraseException first = assertThrows(WrongPassphraseException.class, () -> vault.unlock("wrong one, sorry"));
        WrongPassphraseException second = assertThrows(WrongPassphraseException.class, () -> vault.unlock("still wrong, sorry"));
        assertThrows(WrongPassphraseException.class, () -> vault.unlock("wrong again, sorry"));

        assertEquals("the passphrase does not open the vault (1 failed attempt(s) in a row)", first.getMessage());
        assertEquals(2, second.failures());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits.waits());
        assertEquals(Vault.State.LOCKED, vault.state());
    }

    @Test
    void theDelayStopsGrowingAtThirtySeconds() {
        assertEquals(Duration.ofSeconds(16), Vault.delayAfter(5));
        assertEquals(Duration.ofSeconds(30), Vault.delayAfter(6));
        assertEquals(Duration.ofSeconds(30), Vault.delayAfter(1000));
    }

    @Test
    void aRightPassphraseResetsTheDelay() {
        vault().create(PASSPHRASE, PASSPHRASE);
        Vault vault = vault();
        assertThrows(WrongPassphraseException.class, () -> vault.unlock("wrong one, sorry"));
        vault.unlock(PASSPHRASE);
        vault.lock();

        WrongPassphraseException again = assertThrows(WrongPassphraseException.class,
                () -> vault.unlock("wrong one, sorry"));

        assertEquals(1, again.failures());
    }

    @Test
    void lockForgetsTheKeyAndTellsTheListeners() {
        Vault vault = vault();
        vault.create(PASSPHRASE, PASSPHRASE);
        VaultKey key = vault.key();
        AtomicInteger told = new AtomicInteger();
        vault.onLock(told::incrementAndGet);

        vault.lock();

        assertEquals(Vault.State.LOCKED, vault.state());
        assertThrows(VaultLockedException.class, vault::key);
        assertThrows(VaultLockedException.class, () -> key.seal(new byte[1], CELL));
        assertEquals(1, told.get());
    }

    @Test
    void eraseOverwritesAndDeletesTheWrappedKey() {
        Vault vault = vault();
        vault.create(PASSPHRASE, PASSPHRASE);

        vault.erase();

        assertEquals(Vault.State.ABSENT, vault.state());
        assertFalse(Files.exists(dir.resolve("vault.key")));
        assertThrows(IllegalStateException.class, () -> vault.unlock(PASSPHRASE));
    }

    @Test
    void refusesToCreateOverAnExistingVault() {
        vault().create(PASSPHRASE, PASSPHRASE);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> vault().create("another passphrase here", "another passphrase here"));

        assertEquals("a vault already exists in this data directory", e.getMessage());
    }

    static Stream<Arguments> badNewPassphrases() {
        return Stream.of(
                Arguments.of(null, null, PassphraseRuleException.Rule.TOO_SHORT),
                Arguments.of("", "", PassphraseRuleException.Rule.TOO_SHORT),
                Arguments.of("elevenchars", "elevenchars", PassphraseRuleException.Rule.TOO_SHORT),
                Arguments.of("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", PassphraseRuleException.Rule.TOO_SHORT),
                Arguments.of("x".repeat(1025), "x".repeat(1025), PassphraseRuleException.Rule.TOO_LONG),
                Arguments.of("twelve chars", "twelve charz", PassphraseRuleException.Rule.MISMATCH),
                Arguments.of("twelve chars", null, PassphraseRuleException.Rule.MISMATCH));
    }

    @ParameterizedTest
    @MethodSource("badNewPassphrases")
    void refusesANewPassphraseThatBreaksARuleAndCreatesNothing(String passphrase, String confirm,
                                                              PassphraseRuleException.Rule rule) {
        Vault vault = vault();

        PassphraseRuleException e = assertThrows(PassphraseRuleException.class, () -> vault.create(passphrase, confirm));

        assertEquals(rule, e.rule());
        assertEquals(Vault.State.ABSENT, vault.state());
    }

    @Test
    void acceptsExactlyTwelveCharacters() {
        Vault vault = vault();

        vault.create("twelve chars", "twelve chars");

        assertEquals(Vault.State.UNLOCKED, vault.state());
    }

    @Test
    void theSamePassphraseTypedInAnotherUnicodeFormUnlocks() {
        vault().create("caf\u00e9 \u00e0 Bruxelles", "caf\u00e9 \u00e0 Bruxelles");
        Vault vault = vault();

        vault.unlock("cafe\u0301 a\u0300 Bruxelles");

        assertEquals(Vault.State.UNLOCKED, vault.state());
    }

    @Test
    void theDefaultCostsAreArgon2idWith64MiBAndFivePasses() {
        assertEquals(new KdfParameters(65536, 5, 1), KdfParameters.DEFAULT);
    }

    @Test
    void newVaultsStoreTheCostsTheyWereMadeWith() {
        WrappedKey wrapped = WrappedKey.wrap(VaultKey.generate(), PASSPHRASE, KdfParameters.DEFAULT);

        WrappedKey read = WrappedKey.fromBytes(wrapped.toBytes());

        assertEquals(KdfParameters.DEFAULT, read.kdf());
        assertSame(null, read.unwrap("not the passphrase"));
        assertTrue(read.unwrap(PASSPHRASE) != null);
    }

    static Stream<Arguments> badKeyFiles() {
        return Stream.of(
                Arguments.of("not json", "the vault key file is malformed"),
                Arguments.of("{}", "the vault key file is malformed"),
                Arguments.of("{\"format\":\"carnet.vault-key/1\",\"kdf\":\"argon2id\"}",
                        "the vault key file is not in format carnet.vault-key/2"),
                Arguments.of("{\"format\":\"carnet.vault-key/2\",\"kdf\":\"argon2id\",\"memoryKiB\":99999999,"
                        + "\"iterations\":3,\"parallelism\":1,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"key\":\"AA==\"}",
                        "Argon2id memory must be between 8 and 1048576 KiB"),
                Arguments.of("{\"format\":\"carnet.vault-key/2\",\"kdf\":\"argon2id\",\"memoryKiB\":1024,"
                        + "\"iterations\":3,\"parallelism\":1,\"salt\":\"AAAA\",\"key\":\"AA==\",\"duress\":\"AA==\"}",
                        "the vault key salt must be 16 bytes"),
                Arguments.of("{\"format\":\"carnet.vault-key/2\",\"kdf\":\"argon2id\",\"memoryKiB\":1024,"
                        + "\"iterations\":3,\"parallelism\":1,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"key\":\"AA==\"}",
                        "the vault key file is malformed"),
                Arguments.of("{\"format\":\"carnet.vault-key/2\",\"kdf\":\"argon2id\",\"memoryKiB\":1024,"
                        + "\"iterations\":3,\"parallelism\":1,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"key\":\"AA==\","
                        + "\"duress\":\"AAAA\"}",
                        "the vault key duress verifier must be 32 bytes"));
    }

    @ParameterizedTest
    @MethodSource("badKeyFiles")
    void refusesAMalformedOrTamperedKeyFile(String content, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WrappedKey.fromBytes(content.getBytes(UTF_8)));

        assertEquals(message, e.getMessage());
    }
}
