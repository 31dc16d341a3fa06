package be.carnet.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request is counted against. */
class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnoredEvenFromLoopback() {
        ClientAddress none = ClientAddress.parse("");

        assertEquals("127.0.0.1", none.resolve("127.0.0.1", List.of("203.0.113.7")));
        assertEquals("0:0:0:0:0:0:0:1", none.resolve("[::1]", List.of("203.0.113.7")));
        assertTrue(none.trustedProxies().isEmpty());
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItSends() {
        ClientAddress proxies = ClientAddress.parse("10.0.0.2");

        assertEquals("192.0.2.9", proxies.resolve("192.0.2.9", List.of("203.0.113.7")));
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        ClientAddress proxies = ClientAddress.parse("10.0.0.2, 10.0.0.3,::1");

        assertEquals("203.0.113.7", proxies.resolve("10.0.0.2", List.of("203.0.113.7")));
        assertEquals("203.0.113.7", proxies.resolve("10.0.0.2", List.of("198.51.100.1, 203.0.113.7")));
        assertEquals("203.0.113.7", proxies.resolve("10.0.0.2", List.of("198.51.100.1", "203.0.113.7, 10.0.0.3")));
        assertEquals("2001:db8:0:0:0:0:0:5", proxies.resolve("[0:0:0:0:0:0:0:1]", List.of("2001:db8::5")));
    }

    @Test
    void fromATrustedProxyWithoutAUsableHeaderTheProxyIsTheClient() {
        ClientAddress proxies = ClientAddress.parse("10.0.0.2");

        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of()));
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("not-an-address")));
        assertEquals("10.0.0.2", proxies.resolve("10.0.0.2", List.of("203.0.113.7, evil.example")));
    }

    @Test
    void aTrustedProxyMustBeAnAddressNotAName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientAddress.parse("127.0.0.1,proxy.example"));

        assertEquals("trusted proxy \"proxy.example\" is not an IPv4 or IPv6 address", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.parse("10.0.0.256"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.parse("10.1"));
    }
}
