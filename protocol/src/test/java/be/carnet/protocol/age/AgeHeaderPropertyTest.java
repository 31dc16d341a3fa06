package be.carnet.protocol.age;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.protocol.Mutations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the age header reader: every header the writer produces reads back to the same
 * stanzas, and no change of one byte of a real age file makes decryption throw anything but
 * {@link AgeException} (or hand back any plaintext).
 */
class AgeHeaderPropertyTest {

    private static final X25519Identity IDENTITY = X25519Identity.generate();

    @Property(tries = 300)
    void everyWrittenHeaderReadsBackToTheSameStanzas(@ForAll("stanzaLists") List<Stanza> stanzas,
            @ForAll @Size(32) byte[] mac, @ForAll @Size(max = 40) byte[] payload) throws IOException {
        byte[] withoutMac = Header.encodeWithoutMac(stanzas);
        byte[] macLine = (" " + Base64.getEncoder().withoutPadding().encodeToString(mac) + "\n").getBytes(US_ASCII);
        ByteArrayInputStream in = new ByteArrayInputStream(concat(withoutMac, macLine, payload));

        Header header = Header.read(in);

        assertEquals(stanzas.size(), header.stanzas.size());
        for (int i = 0; i < stanzas.size(); i++) {
            assertEquals(stanzas.get(i).type(), header.stanzas.get(i).type());
            assertEquals(stanzas.get(i).args(), header.stanzas.get(i).args());
            assertArrayEquals(stanzas.get(i).body(), header.stanzas.get(i).body());
        }
        assertArrayEquals(withoutMac, header.macInput);
        assertArrayEquals(mac, header.mac);
        assertArrayEquals(payload, in.readAllBytes());
    }

    /** Any one-byte change of a header, parsed alone, is read or refused with {@link AgeException}. */
    @Property(tries = 500)
    void aMutatedHeaderIsReadOrRefusedWithAnAgeException(@ForAll("stanzaLists") List<Stanza> stanzas,
            @ForAll @IntRange(min = 0, max = 1 << 20) int position, @ForAll byte value,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        byte[] header = concat(Header.encodeWithoutMac(stanzas),
                (" " + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]) + "\n").getBytes(US_ASCII));
        byte[] mutated = Mutations.mutate(header, position, value, kind);

        try {
            Header.read(new ByteArrayInputStream(mutated));
        } catch (AgeException refused) {
            // the documented refusal
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail to read", e);
        }
    }

    /** A real file changed in one byte, anywhere, never decrypts and is refused with {@link AgeException}. */
    @Property(tries = 500)
    void aMutatedFileIsRefusedWithAnAgeException(@ForAll @Size(max = 300) byte[] plaintext,
            @ForAll @IntRange(min = 0, max = 1 << 20) int position, @ForAll byte value,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        byte[] file = Age.encrypt(plaintext, IDENTITY.recipient());
        byte[] mutated = Mutations.mutate(file, position, value, kind);
        if (java.util.Arrays.equals(mutated, file)) {
            return;
        }

        assertThrows(AgeException.class, () -> Age.decrypt(mutated, IDENTITY));
    }

    @Provide
    Arbitrary<List<Stanza>> stanzaLists() {
        Arbitrary<String> token = Arbitraries.strings().withCharRange((char) 0x21, (char) 0x7e)
                .ofMinLength(1).ofMaxLength(20);
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(100)),
                // bodies whose base64 is exactly one or two full 64-column lines (the writer then adds an empty line)
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofSize(48)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofSize(96)));
        Arbitrary<Stanza> stanza = Combinators.combine(token, token.list().ofMaxSize(4), body).as(Stanza::new);
        return stanza.list().ofMinSize(1).ofMaxSize(5);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
