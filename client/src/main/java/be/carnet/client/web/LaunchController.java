package be.carnet.client.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code GET /launch?token=…}: a valid one-time token opens a session and leads home; anything else is refused. */
public final class LaunchController {

    private final LaunchTokens tokens;
    private final Sessions sessions;
    private final Pages pages;

    public LaunchController(LaunchTokens tokens, Sessions sessions, Pages pages) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.pages = pages;
    }

    public void launch(Context ctx) {
        if (!tokens.consume(ctx.queryParam("token"))) {
            ctx.status(HttpStatus.FORBIDDEN);
            pages.render(ctx, "web/error.jte", new ErrorPage(pages.chrome(ctx), 403, "client.launch.invalid"));
            return;
        }
        sessions.open(ctx);
        ctx.redirect(Paths.HOME, HttpStatus.SEE_OTHER);
    }
}
