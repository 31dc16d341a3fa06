package be.carnet.server.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodiesTest {

    @Test
    void readsABodyOfExactlyTheLimit() throws IOException {
        byte[] body = new byte[1024];

        assertArrayEquals(body, Bodies.read(new ByteArrayInputStream(body), 1024));
    }

    @Test
    void refusesOneByteMoreThanTheLimit() {
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> Bodies.read(new ByteArrayInputStream(new byte[1025]), 1024));

        assertEquals("the request body is larger than 1024 bytes", e.getMessage());
    }

    @Test
    void stopsReadingAnEndlessBodyJustPastTheLimit() {
        CountingEndlessStream endless = new CountingEndlessStream();

        assertThrows(BodyTooLargeException.class, () -> Bodies.read(endless, 1024 * 1024));

        assertEquals(1024 * 1024 + 1, endless.served);
    }

    /** Never ends; counts what was taken from it. */
    private static final class CountingEndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            served += len;
            return len;
        }
    }
}
