package be.carnet.client.vault;

import be.carnet.client.web.Localizer;
import be.carnet.client.web.Pages;
import io.javalin.http.Context;

/**
 * {@code POST /passphrase/strength}: the strength hint for a passphrase being typed, asked by
 * {@code strength.js} while the traveller types. The passphrase arrives in the body of a same-origin POST
 * that carries the session's CSRF token (never in a URL), is measured, and is neither stored nor logged;
 * the answer is the hint sentence alone, as plain text, never the passphrase.
 */
public final class StrengthController {

    /** Longer input is not measured (the form field's own limit); the hint then says nothing. */
    private static final int MAX_CHARS = Passphrases.MAX_LENGTH * 2;
    private final Pages pages;

    public StrengthController(Pages pages) {
        this.pages = pages;
    }

    public void strength(Context ctx) {
        String passphrase = ctx.formParam("passphrase");
        ctx.contentType("text/plain; charset=utf-8");
        if (passphrase == null || passphrase.isEmpty() || passphrase.length() > MAX_CHARS) {
            ctx.result("");
            return;
        }
        Localizer t = pages.localizer(ctx);
        Passphrases.Estimate estimate = Passphrases.estimate(passphrase, t.language().locale());
        String hint = t.text("client.passphrase.strength." + estimate.strength().name().toLowerCase(java.util.Locale.ROOT));
        ctx.result(estimate.warning().isEmpty() ? hint : hint + " " + estimate.warning());
    }
}
