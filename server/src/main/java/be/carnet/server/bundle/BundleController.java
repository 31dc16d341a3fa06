package be.carnet.server.bundle;

import be.carnet.server.web.ApiErrors;
import be.carnet.server.web.Paths;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code GET /api/v1/missions/{missionId}/bundle}: the latest published bundle. I/O only. */
public final class BundleController {

    public static final String VERSION_HEADER = "Carnet-Bundle-Version";

    private final BundleService bundles;

    public BundleController(BundleService bundles) {
        this.bundles = bundles;
    }

    public void latest(Context ctx) {
        Optional<PublishedBundle> latest = bundles.latest(ctx.pathParam(Paths.MISSION_ID));
        if (latest.isEmpty()) {
            ApiErrors.send(ctx, 404, ApiErrors.NOT_FOUND, "no bundle is published for this mission (or there is no such mission)");
            return;
        }
        ctx.header(VERSION_HEADER, Long.toString(latest.get().version()));
        ctx.contentType("application/octet-stream").result(bundles.bytes(latest.get()));
    }
}
