package be.carnet.client.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal browser for the web tests: keeps the session cookie, does not follow redirects, reads the
 * CSRF token from pages, and can send raw requests (a Host header java.net.http will not let us set).
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();
    private String cookie;

    public Browser(int port) {
        this.port = port;
    }

    /** A response: status, headers, body. */
    public record Response(int status, HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String location() {
            return header("Location");
        }
    }

    /** Opens a session with a launch link, as the launcher does. */
    public Response launch(String launchUrl) {
        Response response = send(HttpRequest.newBuilder(URI.create(launchUrl)).GET());
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("carnet_session="))
                .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return response;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** Posts a form with the session's CSRF token added. */
    public Response post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("csrf", csrf());
        return postExactly(path, withToken, Map.of());
    }

    /** Posts exactly these fields (no token added) with extra headers. */
    public Response postExactly(String path, Map<String, String> fields, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(builder::header);
        return send(builder);
    }

    /**
     * Posts a multipart form (a file upload) with the session's CSRF token: {@code fields}, then one file part.
     */
    public Response postFile(String path, Map<String, String> fields, String fileField, String fileName,
                             String contentType, byte[] content) {
        String boundary = "----carnet-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("csrf", csrf());
        withToken.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The CSRF token of this session, read from a page. */
    public String csrf() {
        for (String path : List.of("/unlock", "/setup", "/sync", "/")) {
            Matcher m = CSRF.matcher(get(path).body());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("no page shows a CSRF token");
    }

    /** Sends raw HTTP/1.1 bytes and returns the status line and headers and body as text. */
    public String raw(String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with an arbitrary Host header, with this session's cookie. */
    public String getWithHost(String path, String host) {
        return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "Connection: close\r\n\r\n");
    }

    public int port() {
        return port;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(URLEncoder.encode(k, UTF_8) + "=" + URLEncoder.encode(v, UTF_8)));
        return String.join("&", parts);
    }
}
