package be.carnet.server.web;

import com.google.gson.JsonObject;
import io.javalin.http.Context;

/** The device API's error bodies: {@code {"error":"<code>","message":"<English sentence naming the rule>"}}. */
public final class ApiErrors {

    public static final String MALFORMED = "malformed";
    public static final String CODE_REJECTED = "code-rejected";
    public static final String TOO_LARGE = "too-large";
    public static final String NOT_FOUND = "not-found";
    public static final String INVALID_REPORT = "invalid-report";
    public static final String CONFLICT = "conflict";
    public static final String BUSY = "busy";
    public static final String TOO_SLOW = "too-slow";
    public static final String INTERNAL = "internal";

    private ApiErrors() {
    }

    /** Answers {@code ctx} with {@code status} and the error body. */
    public static void send(Context ctx, int status, String code, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("error", code);
        body.addProperty("message", message);
        ctx.status(status).contentType("application/json").result(body.toString());
    }
}
