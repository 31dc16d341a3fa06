package be.carnet.server.bundle;

import be.carnet.server.web.ApiErrors;
import be.carnet.server.web.Paths;
import be.carnet.server.limits.Slots;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * {@code GET /api/v1/missions/{missionId}/bundle}: the latest published bundle. I/O only. The route is
 * open to devices without a session, so downloads take one of a fixed number of {@link Slots} for the
 * whole transfer (the body is written before the handler returns); when all are taken the device gets
 * 503 with {@code Retry-After} at once, and intake and staff pages keep their threads.
 */
public final class BundleController {

    public static final String VERSION_HEADER = "Carnet-Bundle-Version";
    /** Bundle downloads that may run at once. */
    public static final int DOWNLOAD_SLOTS = 4;
    static final String RETRY_AFTER_SECONDS = "5";

    private final BundleService bundles;
    private final Slots downloads;

    public BundleController(BundleService bundles, Slots downloads) {
        this.bundles = bundles;
        this.downloads = downloads;
    }

    public void latest(Context ctx) throws IOException {
        Optional<Slots.Place> place = downloads.tryTake();
        if (place.isEmpty()) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            ApiErrors.send(ctx, 503, ApiErrors.BUSY, "too many bundle downloads at once; retry in a few seconds");
            return;
        }
        try (Slots.Place taken = place.get()) {
            Optional<PublishedBundle> latest = bundles.latest(ctx.pathParam(Paths.MISSION_ID));
            if (latest.isEmpty()) {
                ApiErrors.send(ctx, 404, ApiErrors.NOT_FOUND,
                        "no bundle is published for this mission (or there is no such mission)");
                return;
            }
            byte[] bytes = bundles.bytes(latest.get());
            ctx.header(VERSION_HEADER, Long.toString(latest.get().version()));
            ctx.contentType("application/octet-stream");
            ctx.res().setContentLengthLong(bytes.length);
            try (OutputStream body = ctx.res().getOutputStream()) {
                body.write(bytes);
            }
        }
    }
}
