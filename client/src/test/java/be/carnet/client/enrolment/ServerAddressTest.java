package be.carnet.client.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerAddressTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("https://agency.example.be", "https://agency.example.be"),
                Arguments.of("  https://agency.example.be/  ", "https://agency.example.be"),
                Arguments.of("HTTPS://agency.example.be:8443/carnet/", "https://agency.example.be:8443/carnet"),
                Arguments.of("http://localhost:8470", "http://localhost:8470"),
                Arguments.of("http://127.0.0.1:8470", "http://127.0.0.1:8470"));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsAndNormalisesAnHttpOrHttpsAddress(String typed, String normalised) {
        assertEquals(normalised, ServerAddress.parse(typed).toString());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(null, ServerAddress.Rule.REQUIRED),
                Arguments.of("   ", ServerAddress.Rule.REQUIRED),
                Arguments.of("agency.example.be", ServerAddress.Rule.SCHEME),
                Arguments.of("ftp://agency.example.be", ServerAddress.Rule.SCHEME),
                Arguments.of("javascript:alert(1)", ServerAddress.Rule.SCHEME),
                Arguments.of("file:///etc/passwd", ServerAddress.Rule.SCHEME),
                Arguments.of("https://", ServerAddress.Rule.NOT_A_URL),
                Arguments.of("https:///path", ServerAddress.Rule.HOST),
                Arguments.of("https://user:pw@agency.example.be", ServerAddress.Rule.EXTRAS),
                Arguments.of("https://agency.example.be/?x=1", ServerAddress.Rule.EXTRAS),
                Arguments.of("https://agency.example.be/#top", ServerAddress.Rule.EXTRAS),
                Arguments.of("https://agency example.be", ServerAddress.Rule.NOT_A_URL),
                Arguments.of("https://" + "a".repeat(200) + ".be", ServerAddress.Rule.TOO_LONG),
                Arguments.of("https://agency.example/login", ServerAddress.Rule.STAFF_PAGE),
                Arguments.of("https://agency.example/carnet/login/", ServerAddress.Rule.STAFF_PAGE),
                Arguments.of("https://agency.example/logout", ServerAddress.Rule.STAFF_PAGE),
                Arguments.of("https://agency.example/missions", ServerAddress.Rule.STAFF_PAGE),
                Arguments.of("https://agency.example/missions/m-1/reports/r-2", ServerAddress.Rule.STAFF_PAGE),
                Arguments.of("https://agency.example/api/v1/health", ServerAddress.Rule.STAFF_PAGE),
                Arguments.of("https://agency.example/static/app.css", ServerAddress.Rule.STAFF_PAGE));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "https://agency.example/login, /login",
        "https://agency.example/carnet/missions/m-1, /missions",
        "https://agency.example/api/v1/enrol, /api",
    })
    void aStaffPageAddressNamesThePartToRemove(String typed, String part) {
        ServerAddress.InvalidException e = assertThrows(ServerAddress.InvalidException.class,
                () -> ServerAddress.parse(typed));

        assertEquals(part, e.extra());
        assertEquals("the server address is an agency page (" + part + "), not the agency's address: remove " + part
                + " and what follows", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesAnythingElseNamingTheRule(String typed, ServerAddress.Rule rule) {
        ServerAddress.InvalidException e = assertThrows(ServerAddress.InvalidException.class,
                () -> ServerAddress.parse(typed));

        assertEquals(rule, e.rule());
    }
}
