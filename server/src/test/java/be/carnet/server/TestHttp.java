package be.carnet.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client for tests: keeps the {@code carnet_staff} cookie, never follows redirects,
 * and reads the CSRF token from the last page.
 */
public final class TestHttp {

    private static final Pattern COOKIE = Pattern.compile("carnet_staff=([^;]*)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private String cookie;
    private String csrf;

    public TestHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return sendBytes(request(path).GET().build());
    }

    /** A form post; the fields are sent in order as given. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), UTF_8));
        }
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A form post carrying the CSRF token of the last page seen, then {@code fields}. */
    public HttpResponse<String> postForm(String path, String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return post(path, fields);
    }

    /** A multipart post with the CSRF token and one file field. */
    public HttpResponse<String> postFile(String path, String field, String filename, byte[] content) {
        String boundary = "----carnet-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf
                + "\r\n").getBytes(UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A raw POST of {@code body} (the device API). */
    public HttpResponse<byte[]> postBytes(String path, byte[] body, String contentType) {
        return sendBytes(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * A POST over a plain socket that declares a body of {@code declaredLength} bytes and sends none of
     * it, then reads the whole answer. This is how to see a refusal made on the declared length alone:
     * the server must answer without reading. (A client that also sends the body can see its upload
     * race the early answer and get a reset connection instead; Java's client cannot wait for
     * {@code 100 Continue} reliably.)
     */
    public RawResponse postDeclaringLength(String path, String contentType, long declaredLength) {
        URI uri = URI.create(baseUrl + path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
            String request = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + declaredLength
                    + (cookie == null ? "" : "\r\nCookie: carnet_staff=" + cookie) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, headersEnd).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        head[i].substring(colon + 1).strip());
            }
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers,
                    answer.substring(headersEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An answer read from a socket.
     *
     * @param status the status code
     * @param headers header names in lower case
     * @param body the body text (not de-chunked)
     */
    public record RawResponse(int status, Map<String, String> headers, String body) {
    }

    /** A raw JSON POST with one extra header. */
    public HttpResponse<byte[]> postBytesWithHeader(String path, byte[] body, String header, String value) {
        return sendBytes(request(path, header, value).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Logs in through the form, as a browser would. */
    public HttpResponse<String> login(String username, String password) {
        get("/login");
        return postForm("/login", "username", username, "password", password);
    }

    public String csrf() {
        return csrf;
    }

    public String cookie() {
        return cookie;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        // A safety net so a server bug fails the test instead of hanging the build; not an assertion on speed.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(2));
        if (cookie != null) {
            builder.header("Cookie", "carnet_staff=" + cookie);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
            remember(response);
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            remember(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(HttpResponse<?> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            Matcher m = COOKIE.matcher(setCookie);
            if (m.find()) {
                cookie = m.group(1).isEmpty() ? null : m.group(1);
            }
        }
    }
}
