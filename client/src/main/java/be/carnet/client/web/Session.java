package be.carnet.client.web;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One browser session: its cookie id and CSRF token (both 256-bit random), and a one-time notice to show
 * on the next page, and at most one sealed form kept across the lock or a language switch. Thread-safe.
 */
final class Session {

    private final String id;
    private final String csrf;
    private final Instant created;
    private final AtomicReference<Notice> notice = new AtomicReference<>();
    private final AtomicReference<KeptForms.Sealed> kept = new AtomicReference<>();

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

    /** Keeps a sealed form (replacing any earlier one); see {@link KeptForms}. */
    void keep(KeptForms.Sealed form) {
        kept.set(form);
    }

    /** The sealed form kept, or null. */
    KeptForms.Sealed kept() {
        return kept.get();
    }

    /** Drops the kept form, if any. */
    void dropKept() {
        kept.set(null);
    }

    /** Replaces {@code expected} by {@code next} (null drops it) if it is still the one kept; true if it was. */
    boolean replaceKept(KeptForms.Sealed expected, KeptForms.Sealed next) {
        return kept.compareAndSet(expected, next);
    }

    @Override
    public String toString() {
        return "Session[secret]";
    }
}
