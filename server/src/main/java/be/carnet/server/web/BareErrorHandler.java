package be.carnet.server.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it refuses before any route runs (a bad {@code Host}, a URI or headers
 * too large, bad percent-encoding, …): the same security headers as every other answer
 * ({@link RequestGuards#SECURITY_HEADERS}) and a one-line plain-text body naming the status only
 * ({@code 400 Bad Request}), never the server software, its version or the refused input. (Jetty does
 * not keep the path of a request it could not parse, so the API's JSON error cannot be told apart here.)
 */
public final class BareErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            response.setStatus(status);
        }
        HttpFields.Mutable headers = response.getHeaders();
        for (Map.Entry<String, String> header : RequestGuards.SECURITY_HEADERS.entrySet()) {
            headers.put(header.getKey(), header.getValue());
        }
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, line(status), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        for (Map.Entry<String, String> header : RequestGuards.SECURITY_HEADERS.entrySet()) {
            fields.put(header.getKey(), header.getValue());
        }
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        return line(status);
    }

    private static ByteBuffer line(int status) {
        return ByteBuffer.wrap((status + " " + HttpStatus.getMessage(status) + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
