package be.carnet.client.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forms kept for a moment so typed text is not lost: a form submitted while the vault was locked (shown
 * again after the unlock, never re-sent), and a refused form across a language switch (shown again with
 * its errors in the new language). At most one per session, in memory only: never on disk, never in a URL.
 *
 * <p>A kept form is sealed (AEAD) under a random key that exists only in memory and is replaced at every
 * lock, so forms kept before the last lock can no longer be opened; the associated data binds it to its
 * session, its kind and the page it returns to. It is opened once, when shown, and then dropped. All are
 * dropped by {@link #forgetAll} (panic wipe, duress unlock, app stop). A form over {@link #MAX_BYTES} or
 * {@link #MAX_FIELDS} is not kept. A refused form waits at most {@link #REFUSED_LIFETIME} for its
 * language switch. Thread-safe.
 */
public final class KeptForms {

    private static final Logger LOG = LoggerFactory.getLogger(KeptForms.class);
    /** Largest form kept, in bytes of its encoding (Carnet's own forms stay far below). */
    public static final int MAX_BYTES = 256 * 1024;
    /** Most fields kept. */
    public static final int MAX_FIELDS = 64;
    /** How long a refused form waits for the language switch that shows it again. */
    public static final Duration REFUSED_LIFETIME = Duration.ofMinutes(30);
    static final String TOKEN_ATTRIBUTE = "carnet.keptToken";
    static final String RETURN_ATTRIBUTE = "carnet.keptReturn";
    private static final int FORMAT = 1;

    private final Supplier<FormSeal> keys;
    private final Clock clock;
    private FormSeal key;
    private long generation;

    /** @param keys makes a new random in-memory key (one per lock) */
    public KeptForms(Supplier<FormSeal> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.key = keys.get();
    }

    /** A sealed form in a session: the ciphertext and what its associated data binds. */
    record Sealed(KeptForm.Reason reason, String returnPath, long generation, byte[] ciphertext, String token,
                  boolean ready, Instant keptAt) {

        Sealed released() {
            return new Sealed(reason, returnPath, generation, ciphertext, token, true, keptAt);
        }

        @Override
        public String toString() {
            return "Sealed[" + reason + "]";
        }
    }

    /**
     * Forgets every kept form: the key is overwritten and replaced, so what sessions still hold can no longer
     * be opened. Called at every lock, on the panic wipe, the duress unlock and when the app stops.
     */
    public void forgetAll() {
        FormSeal old;
        synchronized (this) {
            old = key;
            key = keys.get();
            generation++;
        }
        old.destroy();
    }

    /**
     * Keeps the form of a request that arrived while the vault was locked, for {@code returnPath}.
     *
     * @param fields what to keep (the caller has left out the CSRF token and anything never to keep);
     *     empty when the action is only to be named, not shown again
     * @return false when there is no session or the form is too large to keep (nothing is kept then)
     */
    public boolean keepLocked(Context ctx, String returnPath, Map<String, List<String>> fields, boolean filesLeftOut) {
        Session session = ctx.attribute(Pages.SESSION_ATTRIBUTE);
        if (session == null) {
            return false;
        }
        Optional<Sealed> sealed = seal(session, KeptForm.Reason.LOCKED, returnPath, fields, filesLeftOut, null, true);
        sealed.ifPresentOrElse(session::keep, session::dropKept);
        return sealed.isPresent();
    }

    /**
     * Keeps a refused form until the language switch on the page that shows it; the page's language form
     * then carries a one-time token ({@link Chrome#keep()}) and returns to {@code returnPath}. Call before
     * {@link Pages#chrome}. Replaces any form kept earlier in the session.
     */
    public void keepRefused(Context ctx, String returnPath, Map<String, List<String>> fields) {
        Session session = ctx.attribute(Pages.SESSION_ATTRIBUTE);
        if (session == null) {
            return;
        }
        String token = Sessions.randomToken();
        Optional<Sealed> sealed = seal(session, KeptForm.Reason.REFUSED, returnPath, fields, false, token, false);
        if (sealed.isPresent()) {
            session.keep(sealed.get());
            ctx.attribute(TOKEN_ATTRIBUTE, token);
            ctx.attribute(RETURN_ATTRIBUTE, returnPath);
        }
    }

    /**
     * After a successful unlock: where to go on. A form to show again stays kept for that page; an action that
     * is only named (no fields) is dropped here and a notice says it was not done.
     *
     * @return the page of the form kept while locked, or empty when there is none
     */
    public Optional<String> afterUnlock(Context ctx) {
        Session session = ctx.attribute(Pages.SESSION_ATTRIBUTE);
        if (session == null) {
            return Optional.empty();
        }
        Sealed kept = session.kept();
        if (kept == null || kept.reason() != KeptForm.Reason.LOCKED || !current(kept)) {
            return Optional.empty();
        }
        Optional<KeptForm> opened = open(session, kept);
        if (opened.isEmpty()) {
            session.dropKept();
            return Optional.empty();
        }
        if (opened.get().fields().isEmpty()) {
            session.dropKept();
            session.flash(Notice.info("client.kept.notDone"));
        }
        return Optional.of(kept.returnPath());
    }

    /**
     * The language switch: a refused form whose one-time {@code token} it carries, returning to {@code back},
     * becomes ready to be shown there. Any other token is ignored.
     */
    public void release(Context ctx, String token, String back) {
        Session session = ctx.attribute(Pages.SESSION_ATTRIBUTE);
        if (session == null || token == null) {
            return;
        }
        Sealed kept = session.kept();
        if (kept != null && kept.reason() == KeptForm.Reason.REFUSED && kept.token() != null
                && java.security.MessageDigest.isEqual(kept.token().getBytes(UTF_8), token.getBytes(UTF_8))
                && kept.returnPath().equals(back)) {
            session.replaceKept(kept, kept.released());
        }
    }

    /**
     * The form kept for this page, opened and dropped (shown once); empty when none is ready for this path.
     * A form kept while locked is ready at once (its page is served only unlocked); a refused one only after
     * its language switch.
     */
    public Optional<KeptForm> take(Context ctx) {
        Session session = ctx.attribute(Pages.SESSION_ATTRIBUTE);
        if (session == null) {
            return Optional.empty();
        }
        Sealed kept = session.kept();
        if (kept == null || !kept.ready() || !kept.returnPath().equals(ctx.path())) {
            return Optional.empty();
        }
        if (!session.replaceKept(kept, null) || !current(kept)) {
            return Optional.empty();
        }
        return open(session, kept);
    }

    private synchronized boolean current(Sealed kept) {
        if (kept.generation() != generation) {
            return false;
        }
        return kept.reason() != KeptForm.Reason.REFUSED
                || Duration.between(kept.keptAt(), clock.instant()).compareTo(REFUSED_LIFETIME) < 0;
    }

    private Optional<Sealed> seal(Session session, KeptForm.Reason reason, String returnPath,
                                  Map<String, List<String>> fields, boolean filesLeftOut, String token, boolean ready) {
        byte[] plain = encode(fields, filesLeftOut);
        if (plain == null) {
            LOG.info("a form was too large to keep ({} fields)", fields.size());
            return Optional.empty();
        }
        try {
            FormSeal now;
            long at;
            synchronized (this) {
                now = key;
                at = generation;
            }
            byte[] ciphertext;
            try {
                ciphertext = now.seal(plain, binding(session, reason, returnPath, at));
            } catch (RuntimeException e) {
                // A lock replaced the key while this form was being sealed: it was typed before that lock.
                LOG.info("a form was not kept: the key changed while sealing it");
                return Optional.empty();
            }
            return Optional.of(new Sealed(reason, returnPath, at, ciphertext, token, ready, clock.instant()));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private Optional<KeptForm> open(Session session, Sealed kept) {
        FormSeal now;
        synchronized (this) {
            now = key;
        }
        Optional<byte[]> plain = now.open(kept.ciphertext(), binding(session, kept.reason(), kept.returnPath(),
                kept.generation()));
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(kept.reason(), kept.returnPath(), plain.get()));
        } finally {
            Arrays.fill(plain.get(), (byte) 0);
        }
    }

    private static String binding(Session session, KeptForm.Reason reason, String returnPath, long generation) {
        return "carnet-kept-form-v1|" + session.id() + "|" + reason + "|" + generation + "|" + returnPath;
    }

    /** The fields as bytes, or null when over {@link #MAX_FIELDS} or {@link #MAX_BYTES}. */
    static byte[] encode(Map<String, List<String>> fields, boolean filesLeftOut) {
        if (fields.size() > MAX_FIELDS) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeBoolean(filesLeftOut);
            out.writeInt(fields.size());
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                writeText(out, field.getKey());
                out.writeInt(field.getValue().size());
                for (String value : field.getValue()) {
                    writeText(out, value == null ? "" : value);
                }
                if (out.size() > MAX_BYTES) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a form in memory", e);
        }
        return bytes.size() > MAX_BYTES ? null : bytes.toByteArray();
    }

    static KeptForm decode(KeptForm.Reason reason, String returnPath, byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalStateException("a kept form has an unknown format");
            }
            boolean filesLeftOut = in.readBoolean();
            int count = in.readInt();
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = readText(in);
                int values = in.readInt();
                List<String> list = new ArrayList<>(values);
                for (int v = 0; v < values; v++) {
                    list.add(readText(in));
                }
                fields.put(name, List.copyOf(list));
            }
            return new KeptForm(reason, returnPath, fields, filesLeftOut);
        } catch (IOException e) {
            throw new IllegalStateException("a kept form does not decode", e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BYTES) {
            throw new IOException("a kept text has an impossible length");
        }
        return new String(in.readNBytes(length), UTF_8);
    }
}
