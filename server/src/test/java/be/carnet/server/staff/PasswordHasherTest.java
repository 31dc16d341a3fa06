package be.carnet.server.staff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordHasherTest {

    private static final PasswordHasher STANDARD = PasswordHasher.standard();

    @Test
    void storesArgon2idWithItsParametersAndARandomSalt() {
        String hash = STANDARD.hash("correct horse battery staple".toCharArray());

        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=65536,t=3,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertNotEquals(hash, STANDARD.hash("correct horse battery staple".toCharArray()));
    }

    @Test
    void verifiesTheRightPasswordAndRefusesAWrongOne() {
        String hash = STANDARD.hash("correct horse battery staple".toCharArray());

        assertTrue(STANDARD.verify("correct horse battery staple".toCharArray(), hash));
        assertFalse(STANDARD.verify("correct horse battery stapler".toCharArray(), hash));
        assertFalse(STANDARD.verify("".toCharArray(), hash));
    }

    @Test
    void verifiesHashesMadeWithOtherParameters() {
        String cheap = new PasswordHasher(1024, 1, 1).hash("mot de passe très long".toCharArray());

        assertTrue(STANDARD.verify("mot de passe très long".toCharArray(), cheap));
    }

    static Stream<String> malformedStoredHashes() {
        String good = new PasswordHasher(1024, 1, 1).hash("x".toCharArray());
        return Stream.of(
                "",
                "plaintext password",
                good.replace("argon2id", "argon2i"),
                good.replace("v=19", "v=16"),
                good.replace("m=1024", "m=999999999"),
                good.replace("t=1", "t=0"),
                good.substring(0, good.length() - 10),
                good + "$extra",
                "<script>alert(1)</script>");
    }

    @ParameterizedTest
    @MethodSource("malformedStoredHashes")
    void aMalformedStoredHashNeverMatches(String stored) {
        assertFalse(STANDARD.verify("x".toCharArray(), stored));
    }
}
