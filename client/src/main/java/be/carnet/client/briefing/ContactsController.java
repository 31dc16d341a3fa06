package be.carnet.client.briefing;

import be.carnet.client.web.Pages;
import be.carnet.i18n.Language;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The emergency-contacts card: the mission's own contacts from the bundle's mission profile, then the public
 * Belgian contacts from the {@value BriefingLibrary#CONTACTS_BRIEFING} briefing. Served from the unlocked
 * bundle in memory: no network. Changes nothing.
 */
public final class ContactsController {

    private final BundleService bundles;
    private final Pages pages;

    public ContactsController(BundleService bundles, Pages pages) {
        this.bundles = bundles;
        this.pages = pages;
    }

    public void show(Context ctx) {
        Language language = pages.localizer(ctx).language();
        Optional<BriefingLibrary> library = bundles.library();
        pages.render(ctx, "briefing/contacts.jte", new ContactsPage(pages.chrome(ctx), library.isPresent(),
                library.flatMap(BriefingLibrary::mission).orElse(null),
                library.flatMap(l -> l.find(BriefingLibrary.CONTACTS_BRIEFING, language)).orElse(null)));
    }
}
