package be.carnet.client.sync;

import be.carnet.client.enrolment.Enrolment;
import be.carnet.client.enrolment.EnrolmentService;
import be.carnet.client.incident.Drafts;
import be.carnet.client.incident.Journal;
import be.carnet.client.web.Pages;
import io.javalin.http.Context;
import java.util.Optional;

/** The sync page and its button. The only place reports leave the laptop, and only when pressed. */
public final class SyncController {

    private final SyncService sync;
    private final Journal journal;
    private final Drafts drafts;
    private final EnrolmentService enrolments;
    private final Pages pages;

    public SyncController(SyncService sync, Journal journal, Drafts drafts, EnrolmentService enrolments, Pages pages) {
        this.sync = sync;
        this.journal = journal;
        this.drafts = drafts;
        this.enrolments = enrolments;
        this.pages = pages;
    }

    public void page(Context ctx) {
        render(ctx, null);
    }

    public void sync(Context ctx) {
        if (enrolments.current().isEmpty()) {
            ctx.status(409);
            render(ctx, null);
            return;
        }
        render(ctx, sync.syncAll());
    }

    private void render(Context ctx, SyncOutcome outcome) {
        Optional<Enrolment> enrolment = enrolments.current();
        pages.render(ctx, "sync/sync.jte", new SyncPage(pages.chrome(ctx), enrolment.isPresent(),
                enrolment.map(e -> e.server().toString()).orElse(null), journal.unacknowledgedCount(), outcome,
                sync.receipts(), drafts.count()));
    }
}
