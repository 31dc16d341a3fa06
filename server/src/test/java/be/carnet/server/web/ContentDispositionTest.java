package be.carnet.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentDispositionTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("a plain name", "photo.jpg",
                        "attachment; filename=\"photo.jpg\"; filename*=UTF-8''photo.jpg"),
                Arguments.of("spaces and accents", "Rapport d’été 2026.pdf",
                        "attachment; filename=\"Rapport_d__t__2026.pdf\"; "
                                + "filename*=UTF-8''Rapport%20d%E2%80%99%C3%A9t%C3%A9%202026.pdf"),
                Arguments.of("a script tag", "<script>.html",
                        "attachment; filename=\"script_.html\"; filename*=UTF-8''%3Cscript%3E.html"),
                Arguments.of("quotes and a semicolon that try to add a parameter", "a\"; filename=\"evil.exe",
                        "attachment; filename=\"a___filename__evil.exe\"; "
                                + "filename*=UTF-8''a%22%3B%20filename%3D%22evil.exe"),
                Arguments.of("a line break that tries to add a header", "a\r\nSet-Cookie: x=1",
                        "attachment; filename=\"a__Set-Cookie__x_1\"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%3D1"),
                Arguments.of("a path", "../../etc/passwd",
                        "attachment; filename=\"etc_passwd\"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd"),
                Arguments.of("a hidden file", ".bashrc",
                        "attachment; filename=\"bashrc\"; filename*=UTF-8''.bashrc"),
                Arguments.of("only characters the fallback drops", "照片",
                        "attachment; filename=\"attachment\"; filename*=UTF-8''%E7%85%A7%E7%89%87"),
                Arguments.of("a percent sign", "100%.txt",
                        "attachment; filename=\"100_.txt\"; filename*=UTF-8''100%25.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void encodesAFieldNameSoItCannotBreakTheHeader(String name, String untrustedName, String expected) {
        String header = ContentDisposition.attachment(untrustedName);

        assertEquals(expected, header);
    }
}
