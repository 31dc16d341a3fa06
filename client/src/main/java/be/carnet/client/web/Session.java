package be.carnet.client.web;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One browser session: its cookie id and CSRF token (both 256-bit random), and a one-time notice to show
 * on the next page. Thread-safe.
 */
final class Session {

    private final String id;
    private final String csrf;
    private final Instant created;
    private final AtomicReference<Notice> notice = new AtomicReference<>();

    Session(String id, String csrf, Instant created) {
        this.id = id;
        this.csrf = csrf;
        this.created = created;
    }

    String id() {
        return id;
    }

    String csrf() {
        return csrf;
    }

    Instant created() {
        return created;
    }

    /** Keeps a notice for the next page (after a redirect). */
    void flash(Notice next) {
        notice.set(next);
    }

    /** The kept notice, once. */
    Notice takeNotice() {
        return notice.getAndSet(null);
    }

    @Override
    public String toString() {
        return "Session[secret]";
    }
}
