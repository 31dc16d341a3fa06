package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.carnet.client.browser.OwnedBrowser;
import be.carnet.client.ServiceFixture;
import be.carnet.client.TravellerApp;
import be.carnet.client.storage.Settings;
import be.carnet.client.form.FieldError;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Changing the passphrase, the duress passphrase, the passphrase rules and the idle-lock period. */
class VaultPassphraseTest {

    private static final String REAL = ServiceFixture.PASSPHRASE;
    private static final String NEW = "quatre mots sans rapport";
    private static final String DURESS = "une autre phrase bien choisie";

    @TempDir
    Path dir;

    private ServiceFixture app;
    private DataWipe wipe;
    private Settings settings;

    @BeforeEach
    void createVault() {
        app = ServiceFixture.created(dir);
        settings = new Settings(app.database);
        wipe = new DataWipe(app.vault, app.database, settings, new OwnedBrowser(dir));
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void changingThePassphraseReWrapsTheKeyAndLeavesTheDataReadable() throws Exception {
        storeSecret("mission", "Pékin, hôtel Lotus");
        JsonObject before = keyFile();

        app.vault.changePassphrase(REAL, NEW, NEW);
        app.vault.lock();

        assertThrows(WrongPassphraseException.class, () -> app.vault.unlock(REAL));
        app.vault.unlock(NEW);
        assertEquals(Optional.of("Pékin, hôtel Lotus"), secret("mission"));
        JsonObject after = keyFile();
        assertEquals(before.get("salt"), after.get("salt"));
        assertEquals(before.get("duress"), after.get("duress"));
        assertFalse(before.get("key").equals(after.get("key")));
    }

    @Test
    void aWrongCurrentPassphraseChangesNothingAndCountsAsAFailedAttempt() throws Exception {
        byte[] before = Files.readAllBytes(keyPath());

        WrongPassphraseException first = assertThrows(WrongPassphraseException.class,
                () -> app.vault.changePassphrase("pas la bonne phrase", NEW, NEW));
        WrongPassphraseException second = assertThrows(WrongPassphraseException.class,
                () -> app.vault.changePassphrase("toujours pas la bonne", NEW, NEW));

        assertEquals(1, first.failures());
        assertEquals(2, second.failures());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), app.waits.waits());
        assertArrayEquals(before, Files.readAllBytes(keyPath()));
        assertEquals(Vault.State.UNLOCKED, app.vault.state());
    }

    @Test
    void aNewPassphraseThatBreaksARuleIsRefusedBeforeTheCurrentOneIsTried() throws Exception {
        byte[] before = Files.readAllBytes(keyPath());

        PassphraseRuleException e = assertThrows(PassphraseRuleException.class,
                () -> app.vault.changePassphrase("pas la bonne phrase", "123456789012", "123456789012"));

        assertEquals(PassphraseRuleException.Rule.DIGITS_ONLY, e.rule());
        assertEquals(List.of(), app.waits.waits());
        assertArrayEquals(before, Files.readAllBytes(keyPath()));
    }

    @Test
    void changingThePassphraseNeedsAnOpenVault() {
        app.vault.lock();

        assertThrows(VaultLockedException.class, () -> app.vault.changePassphrase(REAL, NEW, NEW));
    }

    @Test
    void theDuressPassphraseWipesEverythingAndOpensAnEmptyVaultUnderTheSamePassphrase() throws Exception {
        storeSecret("mission", "Pékin, hôtel Lotus");
        byte[] oldSealed = sealedSecret("mission");
        settings.put(Settings.LANGUAGE, "nl");
        app.vault.setDuress(REAL, DURESS, DURESS);
        app.vault.lock();
        byte[] oldKeyFile = Files.readAllBytes(keyPath());

        Vault.Opening opening = app.vault.unlock(DURESS, wipe::wipe);

        assertEquals(Vault.Opening.DURESS, opening);
        assertEquals(Vault.State.UNLOCKED, app.vault.state());
        assertEquals(0L, count("secrets"));
        assertEquals(Optional.empty(), secret("mission"));
        assertThrows(CellTamperedException.class,
                () -> app.vault.key().open(oldSealed, new CellAddress("secrets", "mission", "value")));
        assertEquals(Optional.of("nl"), settings.get(Settings.LANGUAGE));
        assertFalse(java.util.Arrays.equals(oldKeyFile, Files.readAllBytes(keyPath())));
        app.vault.lock();
        assertThrows(WrongPassphraseException.class, () -> app.vault.unlock(REAL));
        assertEquals(Vault.Opening.REAL, app.vault.unlock(DURESS, () -> {
            throw new AssertionError("the new vault has no duress passphrase");
        }));
    }

    @Test
    void aDuressUnlockCostsOneDerivationAndNoWrongPassphraseDelay() {
        app.vault.setDuress(REAL, DURESS, DURESS);
        app.vault.lock();

        app.vault.unlock(DURESS, wipe::wipe);

        assertEquals(List.of(), app.waits.waits());
    }

    @Test
    void theDuressPassphraseSurvivesAChangeOfTheRealOne() {
        app.vault.setDuress(REAL, DURESS, DURESS);
        app.vault.changePassphrase(REAL, NEW, NEW);
        app.vault.lock();

        assertEquals(Vault.Opening.DURESS, app.vault.unlock(DURESS, wipe::wipe));
    }

    @Test
    void theDuressPassphraseTypedAsTheCurrentOneOnTheSettingsPageIsJustWrong() throws Exception {
        storeSecret("mission", "Pékin");
        app.vault.setDuress(REAL, DURESS, DURESS);

        assertThrows(WrongPassphraseException.class, () -> app.vault.changePassphrase(DURESS, NEW, NEW));

        assertEquals(Optional.of("Pékin"), secret("mission"));
    }

    @Test
    void removingTheDuressPassphraseMakesItAnOrdinaryWrongPassphrase() throws Exception {
        storeSecret("mission", "Pékin");
        app.vault.setDuress(REAL, DURESS, DURESS);
        app.vault.removeDuress(REAL);
        app.vault.lock();

        assertThrows(WrongPassphraseException.class, () -> app.vault.unlock(DURESS, wipe::wipe));
        app.vault.unlock(REAL);

        assertEquals(Optional.of("Pékin"), secret("mission"));
    }

    @Test
    void theKeyFileLooksTheSameWithAndWithoutADuressPassphrase() throws Exception {
        JsonObject without = keyFile();
        app.vault.setDuress(REAL, DURESS, DURESS);
        JsonObject with = keyFile();

        assertEquals(without.keySet(), with.keySet());
        assertEquals(32, java.util.Base64.getDecoder().decode(without.get("duress").getAsString()).length);
        assertEquals(32, java.util.Base64.getDecoder().decode(with.get("duress").getAsString()).length);
    }

    @Test
    void theDuressPassphraseMustDifferFromTheRealOneInAnyUnicodeForm() {
        String realNfd = "cafe\u0301 au bord du lac";
        app.vault.changePassphrase(REAL, "caf\u00e9 au bord du lac", "caf\u00e9 au bord du lac");

        PassphraseRuleException typedTwice = assertThrows(PassphraseRuleException.class,
                () -> app.vault.setDuress("caf\u00e9 au bord du lac", realNfd, realNfd));

        assertEquals(PassphraseRuleException.Rule.SAME_AS_REAL, typedTwice.rule());
    }

    @Test
    void theDuressPassphraseCannotBeTheRealOne() throws Exception {
        byte[] before = Files.readAllBytes(keyPath());

        PassphraseRuleException e = assertThrows(PassphraseRuleException.class,
                () -> app.vault.setDuress(REAL, REAL, REAL));

        assertEquals(PassphraseRuleException.Rule.SAME_AS_REAL, e.rule());
        assertArrayEquals(before, Files.readAllBytes(keyPath()));
    }

    @Test
    void aNewRealPassphraseCannotBeTheDuressOne() throws Exception {
        app.vault.setDuress(REAL, DURESS, DURESS);
        byte[] before = Files.readAllBytes(keyPath());

        PassphraseRuleException e = assertThrows(PassphraseRuleException.class,
                () -> app.vault.changePassphrase(REAL, DURESS, DURESS));

        assertEquals(PassphraseRuleException.Rule.SAME_AS_DURESS, e.rule());
        assertArrayEquals(before, Files.readAllBytes(keyPath()));
    }

    @Test
    void anAppCallerWithoutAWipeRefusesTheDuressPathBeforeErasingAnything() throws Exception {
        storeSecret("mission", "Pékin");
        app.vault.setDuress(REAL, DURESS, DURESS);
        app.vault.lock();
        byte[] before = Files.readAllBytes(keyPath());

        assertThrows(IllegalStateException.class, () -> app.vault.unlock(DURESS));

        assertArrayEquals(before, Files.readAllBytes(keyPath()));
        app.vault.unlock(REAL);
        assertEquals(Optional.of("Pékin"), secret("mission"));
    }

    @Test
    void panicWipeOverwritesTheWrappedKeyInPlaceThenDeletesItThenTheData() throws Exception {
        storeSecret("mission", "Pékin");
        byte[] wrapped = Files.readAllBytes(keyPath());
        Path sameFile = dir.resolve("vault.key.link");
        Files.createLink(sameFile, keyPath());

        wipe.wipe();

        byte[] left = Files.readAllBytes(sameFile);
        assertEquals(wrapped.length, left.length);
        assertFalse(java.util.Arrays.equals(wrapped, left), "the wrapped key was not overwritten");
        assertThrows(IllegalArgumentException.class, () -> WrappedKey.fromBytes(left));
        assertFalse(Files.exists(keyPath()));
        assertEquals(Vault.State.ABSENT, app.vault.state());
        assertEquals(0L, count("secrets"));
    }

    static Stream<Arguments> hostileNewPassphrases() {
        return Stream.of(
                Arguments.of(null, null, PassphraseRuleException.Rule.TOO_SHORT),
                Arguments.of("", "", PassphraseRuleException.Rule.TOO_SHORT),
                Arguments.of("           ", "           ", PassphraseRuleException.Rule.TOO_SHORT),
                Arguments.of("x".repeat(Passphrases.MAX_LENGTH + 1), "x".repeat(Passphrases.MAX_LENGTH + 1),
                        PassphraseRuleException.Rule.TOO_LONG),
                Arguments.of("une phrase\u0000cachée", "une phrase\u0000cachée",
                        PassphraseRuleException.Rule.CONTROL_CHARACTERS),
                Arguments.of("une phrase\navec retour", "une phrase\navec retour",
                        PassphraseRuleException.Rule.CONTROL_CHARACTERS),
                Arguments.of("\u202Eesarhp enu esrevni", "\u202Eesarhp enu esrevni",
                        PassphraseRuleException.Rule.CONTROL_CHARACTERS),
                Arguments.of("aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", PassphraseRuleException.Rule.REPEATED),
                Arguments.of("🔑".repeat(12), "🔑".repeat(12), PassphraseRuleException.Rule.REPEATED),
                Arguments.of("1234567890123", "1234567890123", PassphraseRuleException.Rule.DIGITS_ONLY),
                Arguments.of("١٢٣٤٥٦٧٨٩٠١٢", "١٢٣٤٥٦٧٨٩٠١٢", PassphraseRuleException.Rule.DIGITS_ONLY),
                Arguments.of("<script>alert(1)</script>", "<script>alert(2)</script>",
                        PassphraseRuleException.Rule.MISMATCH),
                Arguments.of("quatre mots sans rapport", null, PassphraseRuleException.Rule.MISMATCH));
    }

    @ParameterizedTest
    @MethodSource("hostileNewPassphrases")
    void aHostileNewPassphraseIsRefusedAndChangesNothing(String passphrase, String confirmation,
                                                         PassphraseRuleException.Rule rule) throws Exception {
        byte[] before = Files.readAllBytes(keyPath());

        PassphraseRuleException change = assertThrows(PassphraseRuleException.class,
                () -> app.vault.changePassphrase(REAL, passphrase, confirmation));
        PassphraseRuleException duress = assertThrows(PassphraseRuleException.class,
                () -> app.vault.setDuress(REAL, passphrase, confirmation));

        assertEquals(rule, change.rule());
        assertEquals(rule, duress.rule());
        assertArrayEquals(before, Files.readAllBytes(keyPath()));
        assertEquals(List.of(), app.waits.waits());
    }

    static Stream<Arguments> hostileCurrentPassphrases() {
        return Stream.of(Arguments.of((String) null), Arguments.of(""), Arguments.of("x".repeat(100_000)),
                Arguments.of("correct horse battery stapl"), Arguments.of("correct horse battery staple\u0000"));
    }

    @ParameterizedTest
    @MethodSource("hostileCurrentPassphrases")
    void aHostileCurrentPassphraseIsAFailedAttempt(String current) throws Exception {
        byte[] before = Files.readAllBytes(keyPath());

        assertThrows(WrongPassphraseException.class, () -> app.vault.changePassphrase(current, NEW, NEW));
        assertThrows(WrongPassphraseException.class, () -> app.vault.removeDuress(current));

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), app.waits.waits());
        assertArrayEquals(before, Files.readAllBytes(keyPath()));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "password password password password, WEAK",
        "aaa bbb ccc ddd, WEAK",
        "aaa-bbb-ccc-ddd, WEAK",
        "Tr0ub4dor&3xyz, FAIR",
        "motdepasse12, WEAK",
        "twelve chars, WEAK",
        "Motdepasse123456, WEAK",
        "carnet carnet mission, WEAK",
        "carnet mission chine 2026, FAIR",
        "trois mots seulement, STRONG",
        "un voyage à Pékin en hiver, STRONG",
        "correct horse battery staple, STRONG",
        "Tr0ub4dor&3-xyz!Qw9p, STRONG",
    })
    void theStrengthHintEstimatesGuessesWithZxcvbn(String passphrase, Passphrases.Strength expected) {
        assertEquals(expected, Passphrases.strength(passphrase));
    }

    @Test
    void zxcvbnsWarningComesInTheTravellersLanguageWhateverTheMachinesLanguage() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.JAPANESE);
        try {
            String dutch = Passphrases.estimate("motdepasse12", java.util.Locale.forLanguageTag("nl-BE")).warning();
            String french = Passphrases.estimate("motdepasse12", java.util.Locale.forLanguageTag("fr-BE")).warning();
            String english = Passphrases.estimate("motdepasse12", java.util.Locale.forLanguageTag("en-GB")).warning();

            assertEquals("Dit lijkt op een veelgebruikt wachtwoord.", dutch);
            assertEquals("C'est très similaire à un mot de passe fréquemment utilisé.", french);
            assertEquals("This is similar to a commonly used password.", english);
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    static Stream<Arguments> idleMinutes() {
        return Stream.of(
                Arguments.of("1", 1, null),
                Arguments.of("120", 120, null),
                Arguments.of(" 15 ", 15, null),
                Arguments.of("010", 10, null),
                Arguments.of(null, null, FieldError.of("idleMinutes", "required")),
                Arguments.of("", null, FieldError.of("idleMinutes", "required")),
                Arguments.of("   ", null, FieldError.of("idleMinutes", "required")),
                Arguments.of("0", null, FieldError.of("idleMinutes", "minutesBetween", 1, 120)),
                Arguments.of("121", null, FieldError.of("idleMinutes", "minutesBetween", 1, 120)),
                Arguments.of("-5", null, FieldError.of("idleMinutes", "minutesBetween", 1, 120)),
                Arguments.of("+5", null, FieldError.of("idleMinutes", "minutesBetween", 1, 120)),
                Arguments.of("2.5", null, FieldError.of("idleMinutes", "minutesBetween", 1, 120)),
                Arguments.of("1e2", null, FieldError.of("idleMinutes", "minutesBetween", 1, 120)),
                Arguments.of("٥", null, FieldError.of("idleMinutes", "minutesBetween", 1, 120)),
                Arguments.of("99999999999999999999", null, FieldError.of("idleMinutes", "minutesBetween", 1, 120)),
                Arguments.of("<script>", null, FieldError.of("idleMinutes", "minutesBetween", 1, 120)));
    }

    @ParameterizedTest
    @MethodSource("idleMinutes")
    void readsTheIdleLockPeriodWithANamedRule(String typed, Integer minutes, FieldError error) {
        IdleMinutes.Parsed parsed = IdleMinutes.parse(typed);

        assertEquals(minutes == null ? null : new IdleMinutes(minutes), parsed.value());
        assertEquals(error, parsed.error());
    }

    @Test
    void theIdleLockDefaultIsTenMinutes() {
        assertEquals(Duration.ofMinutes(10), IdleMinutes.DEFAULT.duration());
        assertEquals(Duration.ofMinutes(10), be.carnet.client.vault.IdleLock.DEFAULT);
    }

    private void storeSecret(String name, String value) {
        app.database.write(c -> {
            Secrets.put(c, app.vault.key(), name, value.getBytes(UTF_8));
            return null;
        });
    }

    private Optional<String> secret(String name) {
        return app.database.read(c -> Secrets.get(c, app.vault.key(), name)).map(b -> new String(b, UTF_8));
    }

    private byte[] sealedSecret(String name) {
        return app.database.read(c -> {
            try (var select = c.prepareStatement("SELECT value FROM secrets WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    return rows.getBytes(1);
                }
            }
        });
    }

    private long count(String table) {
        return app.database.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private Path keyPath() {
        return dir.resolve(TravellerApp.KEY_FILE);
    }

    private JsonObject keyFile() throws Exception {
        return JsonParser.parseString(Files.readString(keyPath(), UTF_8)).getAsJsonObject();
    }
}
