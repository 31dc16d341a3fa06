package be.carnet.client.briefing;

import be.carnet.client.web.Pages;
import be.carnet.client.web.Paths;
import be.carnet.protocol.briefing.Briefing;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;

/**
 * Ticks and unticks checklist items: a small form per item, so it works without JavaScript. Only ids
 * of the installed briefings are accepted.
 */
public final class ChecklistController {

    private final Checklist checklist;
    private final BundleService bundles;
    private final Pages pages;

    public ChecklistController(Checklist checklist, BundleService bundles, Pages pages) {
        this.checklist = checklist;
        this.bundles = bundles;
        this.pages = pages;
    }

    public void set(Context ctx) {
        String briefingId = ctx.formParam("briefing");
        String itemId = ctx.formParam("item");
        String ticked = ctx.formParam("ticked");
        if (!"true".equals(ticked) && !"false".equals(ticked)) {
            throw new BadRequestResponse("ticked must be true or false");
        }
        BriefingLibrary library = bundles.library().orElseThrow(NotFoundResponse::new);
        Map<String, Briefing> versions = briefingId == null ? null : library.briefings().get(briefingId);
        if (versions == null || versions.values().stream()
                .noneMatch(b -> b.checklist().stream().anyMatch(item -> item.id().equals(itemId)))) {
            throw new NotFoundResponse();
        }
        checklist.set(briefingId, itemId, Boolean.parseBoolean(ticked));
        pages.redirect(ctx, Paths.briefing(briefingId) + "#" + Paths.checklistItem(itemId), null);
    }
}
