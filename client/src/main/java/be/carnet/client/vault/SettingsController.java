package be.carnet.client.vault;

import be.carnet.client.form.FieldError;
import be.carnet.client.web.KeptForm;
import be.carnet.client.web.Notice;
import be.carnet.client.web.Pages;
import be.carnet.client.web.Paths;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

/**
 * The settings page's forms: change the passphrase, the idle lock, set or remove the duress passphrase.
 * Does I/O only: {@link Vault} and {@link IdleLock} do the work. Passphrases never go back into a page.
 */
public final class SettingsController {

    static final String CURRENT = "currentPassphrase";
    static final String NEW = "newPassphrase";
    static final String CONFIRM = "confirmPassphrase";
    static final String DURESS = "duressPassphrase";
    static final String CONFIRM_DURESS = "confirmDuress";

    private final Vault vault;
    private final IdleLock idleLock;
    private final Pages pages;

    public SettingsController(Vault vault, IdleLock idleLock, Pages pages) {
        this.vault = vault;
        this.idleLock = idleLock;
        this.pages = pages;
    }

    /** {@code GET /settings}; after a language switch on a refused idle-lock period, that period and its error again. */
    public void page(Context ctx) {
        Optional<KeptForm> refused = pages.restored(ctx).filter(kept -> kept.reason() == KeptForm.Reason.REFUSED);
        if (refused.isPresent()) {
            String typed = refused.get().first(IdleMinutes.FIELD);
            IdleMinutes.Parsed parsed = IdleMinutes.parse(typed);
            if (parsed.error() != null) {
                render(ctx, typed, SettingsPage.IDLE, List.of(parsed.error()));
                return;
            }
        }
        render(ctx, Long.toString(idleLock.minutes()), null, List.of());
    }

    public void changePassphrase(Context ctx) {
        String replacement = ctx.formParam(NEW);
        try {
            vault.changePassphrase(ctx.formParam(CURRENT), replacement, ctx.formParam(CONFIRM));
        } catch (PassphraseRuleException e) {
            refuse(ctx, SettingsPage.PASSPHRASE, ruleError(e, NEW, CONFIRM));
            return;
        } catch (WrongPassphraseException e) {
            refuse(ctx, SettingsPage.PASSPHRASE, FieldError.of(CURRENT, "passphraseWrong"));
            return;
        }
        String strength = Passphrases.strength(replacement).name().toLowerCase(Locale.ROOT);
        pages.redirect(ctx, Paths.SETTINGS, Notice.info("client.settings.passphrase.done." + strength));
    }

    public void idleLock(Context ctx) {
        IdleMinutes.Parsed parsed = IdleMinutes.parse(ctx.formParam(IdleMinutes.FIELD));
        if (parsed.error() != null) {
            ctx.status(400);
            String typed = ctx.formParam(IdleMinutes.FIELD);
            String shown = typed == null ? "" : typed.substring(0, Math.min(typed.length(), 16));
            pages.keepRefused(ctx, Paths.SETTINGS, Map.of(IdleMinutes.FIELD, List.of(shown)));
            render(ctx, shown, SettingsPage.IDLE, List.of(parsed.error()));
            return;
        }
        idleLock.set(parsed.value());
        pages.redirect(ctx, Paths.SETTINGS, Notice.info("client.settings.idle.done", parsed.value().minutes()));
    }

    public void setDuress(Context ctx) {
        try {
            vault.setDuress(ctx.formParam(CURRENT), ctx.formParam(DURESS), ctx.formParam(CONFIRM_DURESS));
        } catch (PassphraseRuleException e) {
            refuse(ctx, SettingsPage.DURESS, ruleError(e, DURESS, CONFIRM_DURESS));
            return;
        } catch (WrongPassphraseException e) {
            refuse(ctx, SettingsPage.DURESS, FieldError.of(CURRENT, "passphraseWrong"));
            return;
        }
        pages.redirect(ctx, Paths.SETTINGS, Notice.info("client.settings.duress.done"));
    }

    public void removeDuress(Context ctx) {
        try {
            vault.removeDuress(ctx.formParam(CURRENT));
        } catch (WrongPassphraseException e) {
            refuse(ctx, SettingsPage.DURESS_REMOVE, FieldError.of(CURRENT, "passphraseWrong"));
            return;
        }
        pages.redirect(ctx, Paths.SETTINGS, Notice.info("client.settings.duress.removed"));
    }

    /**
     * The broken rule of a new passphrase as a field error: on the passphrase field ({@code field}),
     * or on its confirmation when they differ.
     */
    static FieldError ruleError(PassphraseRuleException e, String field, String confirmation) {
        return switch (e.rule()) {
            case TOO_SHORT -> FieldError.of(field, "passphraseMinLength", Passphrases.MIN_LENGTH);
            case TOO_LONG -> FieldError.of(field, "maxLength", Passphrases.MAX_LENGTH);
            case CONTROL_CHARACTERS -> FieldError.of(field, "controlCharacters");
            case REPEATED -> FieldError.of(field, "passphraseRepeated");
            case DIGITS_ONLY -> FieldError.of(field, "passphraseDigitsOnly");
            case MISMATCH -> FieldError.of(confirmation, "passphraseMismatch");
            case SAME_AS_REAL -> FieldError.of(field, "passphraseSameAsReal");
            case SAME_AS_DURESS -> FieldError.of(field, "passphraseSameAsDuress");
        };
    }

    private void refuse(Context ctx, String form, FieldError error) {
        ctx.status(400);
        render(ctx, Long.toString(idleLock.minutes()), form, List.of(error));
    }

    private void render(Context ctx, String idleMinutes, String form, List<FieldError> errors) {
        pages.render(ctx, "vault/settings.jte", new SettingsPage(pages.chrome(ctx), Passphrases.MIN_LENGTH, idleMinutes,
                IdleMinutes.MIN, IdleMinutes.MAX, form, errors));
    }
}
