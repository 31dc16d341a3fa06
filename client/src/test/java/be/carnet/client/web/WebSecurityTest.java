package be.carnet.client.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebSecurityTest {

    @TempDir
    Path dir;

    private WebFixture web;

    @BeforeEach
    void start() {
        web = WebFixture.started(dir).setUp();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    static Stream<Arguments> foreignHosts() {
        return Stream.of(
                Arguments.of("evil.example:%d", "/"),
                Arguments.of("evil.example:%d", "/no-such-page"),
                Arguments.of("evil.example:%d", "/static/carnet.css"),
                Arguments.of("evil.example:%d", "/launch?token=x"),
                Arguments.of("127.0.0.1", "/"),
                Arguments.of("localhost", "/incidents"),
                Arguments.of("127.0.0.1:1", "/"),
                Arguments.of("rebind.127.0.0.1.nip.io:%d", "/sync"),
                Arguments.of("127.0.0.1:%d.evil.example", "/"),
                Arguments.of("[::1]", "/"));
    }

    /** A Host that is not even well-formed (port with a name after it) is refused by Jetty with 400. */
    @ParameterizedTest
    @MethodSource("foreignHosts")
    void refusesAnyHostOutsideTheLoopbackAllowlistEvenOnUnknownPaths(String host, String path) {
        String response = web.browser.getWithHost(path, host.formatted(web.app.port()));

        assertTrue(response.startsWith("HTTP/1.1 403 ") || response.startsWith("HTTP/1.1 400 "), response);
        assertTrue(response.contains("Content-Security-Policy: default-src 'self'; frame-ancestors 'none'; "
                + "form-action 'self'; base-uri 'none'"), response);
        assertFalse(response.contains("carnet_session="), response);
    }

    static Stream<String> loopbackHosts() {
        return Stream.of("127.0.0.1:%d", "localhost:%d", "[::1]:%d");
    }

    @ParameterizedTest
    @MethodSource("loopbackHosts")
    void servesTheThreeLoopbackNamesOfItsOwnPort(String host) {
        String response = web.browser.getWithHost("/incidents", host.formatted(web.app.port()));

        assertTrue(response.startsWith("HTTP/1.1 200 "), response);
    }

    static Stream<Arguments> responses() {
        return Stream.<Arguments>of(
                Arguments.of("page", (Function<WebFixture, Browser.Response>) w -> w.browser.get("/incidents")),
                Arguments.of("stylesheet", (Function<WebFixture, Browser.Response>) w -> w.browser.get("/static/carnet.css")),
                Arguments.of("redirect", (Function<WebFixture, Browser.Response>) w -> w.browser.get("/setup")),
                Arguments.of("not found", (Function<WebFixture, Browser.Response>) w -> w.browser.get("/no-such-page")),
                Arguments.of("no session", (Function<WebFixture, Browser.Response>) w -> new Browser(w.app.port()).get("/")),
                Arguments.of("bad launch token", (Function<WebFixture, Browser.Response>) w -> new Browser(w.app.port())
                        .launch("http://127.0.0.1:" + w.app.port() + "/launch?token=nope")),
                Arguments.of("good launch", (Function<WebFixture, Browser.Response>) w -> new Browser(w.app.port())
                        .launch(w.app.launchUrl())),
                Arguments.of("csrf refused", (Function<WebFixture, Browser.Response>) w -> w.browser.postExactly("/lock",
                        Map.of(), Map.of())),
                Arguments.of("form error", (Function<WebFixture, Browser.Response>) w -> w.browser.post("/incidents",
                        Map.of("category", "T77"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void everyResponseCarriesTheSecurityHeaders(String what, Function<WebFixture, Browser.Response> request) {
        Browser.Response response = request.apply(web);

        assertEquals("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
                response.header("Content-Security-Policy"), what);
        assertEquals("nosniff", response.header("X-Content-Type-Options"), what);
        assertEquals("no-referrer", response.header("Referrer-Policy"), what);
        assertEquals("no-store", response.header("Cache-Control"), what);
        assertEquals("DENY", response.header("X-Frame-Options"), what);
    }

    @Test
    void theLaunchTokenOpensOneSessionOnlyOnce() {
        String url = web.app.launchUrl();
        Browser first = new Browser(web.app.port());
        Browser second = new Browser(web.app.port());

        Browser.Response used = first.launch(url);
        Browser.Response reused = second.launch(url);

        assertEquals(303, used.status());
        assertEquals("/", used.location());
        assertEquals(403, reused.status());
        assertTrue(reused.body().contains("Ce lien de lancement a déjà servi ou n’est pas valable."), reused.body());
        assertEquals(403, second.get("/").status());
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndRandom() {
        Browser.Response response = new Browser(web.app.port()).launch(web.app.launchUrl());

        String cookie = response.header("Set-Cookie");
        assertTrue(cookie.matches("carnet_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"), cookie);
    }

    @Test
    void withoutASessionEveryPageExplainsToUseTheLauncher() {
        Browser stranger = new Browser(web.app.port());

        for (String path : List.of("/", "/incidents", "/setup", "/unlock", "/no-such-page")) {
            Browser.Response response = stranger.get(path);

            assertEquals(403, response.status(), path);
            assertTrue(response.body().contains("Ouvrez Carnet par le lien à usage unique qu’il donne en démarrant"), path);
        }
    }

    @Test
    void aStolenCookieValueOfTheWrongShapeIsNoSession() {
        String response = new Browser(web.app.port()).raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + web.app.port()
                + "\r\nCookie: carnet_session=../../x\r\nConnection: close\r\n\r\n");

        assertTrue(response.startsWith("HTTP/1.1 403 "), response);
    }

    static Stream<Arguments> crossSiteHeaders() {
        return Stream.of(
                Arguments.of(Map.of("Origin", "https://evil.example")),
                Arguments.of(Map.of("Origin", "null")),
                Arguments.of(Map.of("Origin", "null", "Sec-Fetch-Site", "none")),
                Arguments.of(Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site")),
                Arguments.of(Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "same-origin")),
                Arguments.of(Map.of("Origin", "http://127.0.0.1:1")),
                Arguments.of(Map.of("Sec-Fetch-Site", "cross-site")),
                Arguments.of(Map.of("Sec-Fetch-Site", "same-site")));
    }

    @ParameterizedTest
    @MethodSource("crossSiteHeaders")
    void refusesACrossSitePostEvenWithTheRightTokenAndStoresNothing(Map<String, String> headers) {
        Map<String, String> form = new java.util.LinkedHashMap<>(WebFixture.incident("cross-site"));
        form.put("csrf", web.browser.csrf());

        Browser.Response response = web.browser.postExactly("/incidents", form, headers);

        assertEquals(403, response.status());
        assertTrue(response.body().contains("Le formulaire a expiré ou ne vient pas de Carnet."), response.body());
        assertFalse(web.browser.get("/incidents").body().contains("class=\"incident\""));
    }

    /** What Chromium and Firefox send for a form on a page with Referrer-Policy: no-referrer. */
    @Test
    void acceptsANullOriginFromTheSameOriginAsBrowsersSendUnderNoReferrer() {
        Map<String, String> form = new java.util.LinkedHashMap<>(WebFixture.incident("origine nulle"));
        form.put("csrf", web.browser.csrf());

        Browser.Response response = web.browser.postExactly("/incidents", form,
                Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"));

        assertEquals(303, response.status());
        assertTrue(web.browser.get("/incidents").body().contains("class=\"incident\""));
    }

    @Test
    void acceptsAPostFromItsOwnOrigin() {
        Map<String, String> form = new java.util.LinkedHashMap<>(WebFixture.incident("même origine"));
        form.put("csrf", web.browser.csrf());

        Browser.Response response = web.browser.postExactly("/incidents", form,
                Map.of("Origin", "http://127.0.0.1:" + web.app.port(), "Sec-Fetch-Site", "same-origin"));

        assertEquals(303, response.status());
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(Arguments.of((String) null), Arguments.of(""), Arguments.of("x"),
                Arguments.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void refusesAMissingOrWrongCsrfTokenAndChangesNothing(String token) {
        Map<String, String> form = new java.util.LinkedHashMap<>(WebFixture.incident("sans jeton"));
        if (token != null) {
            form.put("csrf", token);
        }

        Browser.Response incident = web.browser.postExactly("/incidents", form, Map.of());
        Browser.Response lock = web.browser.postExactly("/lock", token == null ? Map.of() : Map.of("csrf", token),
                Map.of());
        Browser.Response wipe = web.browser.postExactly("/wipe", token == null ? Map.of("confirm", "EFFACER")
                : Map.of("csrf", token, "confirm", "EFFACER"), Map.of());

        assertEquals(List.of(403, 403, 403), List.of(incident.status(), lock.status(), wipe.status()));
        Browser.Response list = web.browser.get("/incidents");
        assertEquals(200, list.status());
        assertFalse(list.body().contains("class=\"incident\""));
    }

    @Test
    void getRequestsChangeNothing() {
        web.enrol();
        int agencyRequests = web.agency.requestCount();

        for (String path : List.of("/", "/incidents", "/incidents/new", "/sync", "/enrol", "/wipe", "/lock",
                "/language?lang=nl", "/briefings-update", "/checklist?briefing=pre-departure&item=backup&ticked=true",
                "/incidents?category=T04&severity=S2&tlp=AMBER&occurredAt=2026-12-03T14:30&zone=UTC&description=x")) {
            web.browser.get(path);
        }

        assertEquals(agencyRequests, web.agency.requestCount());
        Browser.Response incidents = web.browser.get("/incidents");
        assertEquals(200, incidents.status());
        assertFalse(incidents.body().contains("class=\"incident\""));
        assertTrue(incidents.body().contains("<html lang=\"fr\">"));
    }

    @Test
    void locksAfterTenIdleMinutes() {
        assertEquals(200, web.browser.get("/incidents").status());

        web.clock.advance(Duration.ofMinutes(10));
        Browser.Response response = web.browser.get("/incidents");

        assertEquals(303, response.status());
        assertEquals("/unlock", response.location());
    }

    @Test
    void staysOpenWhileInUse() {
        for (int i = 0; i < 5; i++) {
            web.clock.advance(Duration.ofMinutes(9));
            assertEquals(200, web.browser.get("/incidents").status());
        }
    }
}
