package be.carnet.client.vault;

import be.carnet.client.web.KeptForms;
import be.carnet.client.web.Notice;
import be.carnet.client.web.Pages;
import be.carnet.client.web.Paths;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** Setup, unlock (and its duress path), lock and panic wipe pages. Does I/O only; {@link Vault} and {@link DataWipe} do the work. */
public final class VaultController {

    static final String WIPE_WORD_KEY = "client.wipe.word";

    private final Vault vault;
    private final DataWipe wipe;
    private final Pages pages;
    private final IdleLock idleLock;
    private final KeptForms kept;

    public VaultController(Vault vault, DataWipe wipe, Pages pages, IdleLock idleLock, KeptForms kept) {
        this.vault = vault;
        this.wipe = wipe;
        this.pages = pages;
        this.idleLock = idleLock;
        this.kept = kept;
    }

    public void setupForm(Context ctx) {
        pages.render(ctx, "vault/setup.jte", new SetupPage(pages.chrome(ctx), Passphrases.MIN_LENGTH, null, 0));
    }

    public void setup(Context ctx) {
        String passphrase = ctx.formParam("passphrase");
        try {
            vault.create(passphrase, ctx.formParam("confirm"));
        } catch (PassphraseRuleException e) {
            String key = switch (e.rule()) {
                case TOO_SHORT -> "client.setup.error.tooShort";
                case TOO_LONG -> "client.setup.error.tooLong";
                case CONTROL_CHARACTERS -> "client.setup.error.control";
                case REPEATED -> "client.setup.error.repeated";
                case DIGITS_ONLY -> "client.setup.error.digitsOnly";
                case MISMATCH -> "client.setup.error.mismatch";
                case SAME_AS_REAL, SAME_AS_DURESS -> throw new IllegalStateException("no duress passphrase at setup", e);
            };
            int argument = e.rule() == PassphraseRuleException.Rule.TOO_LONG ? Passphrases.MAX_LENGTH
                    : Passphrases.MIN_LENGTH;
            ctx.status(400);
            pages.render(ctx, "vault/setup.jte",
                    new SetupPage(pages.chrome(ctx), Passphrases.MIN_LENGTH, key, argument));
            return;
        }
        String strength = Passphrases.strength(passphrase).name().toLowerCase(Locale.ROOT);
        pages.redirect(ctx, Paths.HOME, Notice.info("client.setup.done." + strength));
    }

    public void unlockForm(Context ctx) {
        pages.render(ctx, "vault/unlock.jte", new UnlockPage(pages.chrome(ctx), null));
    }

    /**
     * {@code POST /unlock}: with the real passphrase, back to the page of a form sent while locked (shown there
     * again, see {@link KeptForms}) or home; with the duress passphrase, home after the silent wipe, the kept
     * form forgotten with the rest.
     */
    public void unlock(Context ctx) {
        Vault.Opening opening;
        try {
            // The duress passphrase ends here too, after a silent wipe: a redirect home, no notice.
            opening = vault.unlock(ctx.formParam("passphrase"), this::wipeKeepingSettings);
        } catch (WrongPassphraseException e) {
            ctx.status(400);
            pages.render(ctx, "vault/unlock.jte", new UnlockPage(pages.chrome(ctx), "client.unlock.error.wrong",
                    e.nextDelay().toSeconds()));
            return;
        }
        String next = opening == Vault.Opening.REAL ? kept.afterUnlock(ctx).orElse(Paths.HOME) : Paths.HOME;
        pages.redirect(ctx, next, null);
    }

    /** The duress wipe: the panic wipe, keeping the idle-lock choice too, so the app looks as before. */
    private void wipeKeepingSettings() {
        Optional<IdleMinutes> idle = idleLock.stored();
        kept.forgetAll();
        wipe.wipe();
        idle.ifPresent(idleLock::set);
    }

    public void lock(Context ctx) {
        vault.lock();
        pages.redirect(ctx, Paths.UNLOCK, Notice.info("client.lock.done"));
    }

    public void wipeForm(Context ctx) {
        pages.render(ctx, "vault/wipe.jte", new WipePage(pages.chrome(ctx),
                pages.localizer(ctx).text(WIPE_WORD_KEY), null));
    }

    public void wipe(Context ctx) {
        String word = pages.localizer(ctx).text(WIPE_WORD_KEY);
        String typed = ctx.formParam("confirm");
        if (typed == null || !typed.strip().toUpperCase(Locale.ROOT).equals(word.toUpperCase(Locale.ROOT))) {
            ctx.status(400);
            pages.render(ctx, "vault/wipe.jte", new WipePage(pages.chrome(ctx), word, "client.wipe.error.word"));
            return;
        }
        kept.forgetAll();
        wipe.wipe();
        pages.redirect(ctx, Paths.SETUP, Notice.info("client.wipe.done"));
    }
}
