package be.carnet.client.web;

import be.carnet.client.storage.Settings;
import be.carnet.i18n.Language;
import io.javalin.http.Context;

/**
 * The traveller's language: the stored choice (kept in clear so the lock screen speaks it), else the
 * browser's preference, else French.
 */
public final class LanguageChoice {

    private final Settings settings;

    public LanguageChoice(Settings settings) {
        this.settings = settings;
    }

    public Language current(Context ctx) {
        return settings.get(Settings.LANGUAGE).flatMap(Language::fromCode)
                .orElseGet(() -> Language.fromAcceptLanguage(ctx.header("Accept-Language")));
    }

    public void choose(Language language) {
        settings.put(Settings.LANGUAGE, language.code());
    }
}
