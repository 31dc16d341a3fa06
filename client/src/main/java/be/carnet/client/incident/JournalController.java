package be.carnet.client.incident;

import be.carnet.client.incident.JournalVerification.BrokenEntry;
import be.carnet.client.web.Notice;
import be.carnet.client.web.Pages;
import be.carnet.client.web.Paths;
import io.javalin.http.Context;

/**
 * The "verify journal" action: runs {@link Journal#verify()} and shows the answer on the incident list
 * (intact with its number of entries, or the first broken entry and what is wrong with it). A POST because
 * it is an action the traveller asks for, though it changes nothing.
 */
public final class JournalController {

    static final String INTACT = "client.journal.verify.intact";

    private final Journal journal;
    private final Pages pages;

    public JournalController(Journal journal, Pages pages) {
        this.journal = journal;
        this.pages = pages;
    }

    public void verify(Context ctx) {
        pages.redirect(ctx, Paths.INCIDENTS, notice(journal.verify()));
    }

    /** The notice for a verification: {@code {0}} position, {@code {1}} number stored, {@code {2}} number signed. */
    static Notice notice(JournalVerification verification) {
        if (verification.intact()) {
            return Notice.info(INTACT, verification.entries());
        }
        BrokenEntry broken = verification.firstBreak();
        return Notice.error(broken.problem().messageKey(), broken.position(), broken.storedAs(), broken.signedAs());
    }
}
