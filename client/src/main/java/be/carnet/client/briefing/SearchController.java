package be.carnet.client.briefing;

import be.carnet.client.web.Chrome;
import be.carnet.client.web.Pages;
import be.carnet.i18n.Language;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/**
 * The search page. The query arrives by POST and its results are rendered in answer to that POST: an
 * address with the query ({@code /search?q=…}) would stay in the browser's history, readable without the
 * passphrase. {@code GET /search} shows the session's last search again (kept in {@link SearchMemory}), or
 * the empty form. Changes nothing stored.
 */
public final class SearchController {

    private final BundleService bundles;
    private final SearchMemory memory;
    private final Pages pages;

    public SearchController(BundleService bundles, SearchMemory memory, Pages pages) {
        this.bundles = bundles;
        this.memory = memory;
        this.pages = pages;
    }

    /** {@code GET /search}: the last search of this session again, in the current language, or the empty form. */
    public void page(Context ctx) {
        Chrome chrome = pages.chrome(ctx);
        String query = memory.last(chrome.csrf()).orElse("");
        render(ctx, chrome, query, Optional.empty());
    }

    /** {@code POST /search}: searches for the form's {@code q} and shows the results. */
    public void search(Context ctx) {
        Chrome chrome = pages.chrome(ctx);
        String untrustedQuery = ctx.formParam("q");
        String query = untrustedQuery == null ? "" : untrustedQuery;
        Optional<String> problem = BriefingIndex.problem(query);
        if (problem.isPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        } else {
            memory.remember(chrome.csrf(), query);
        }
        render(ctx, chrome, query, problem);
    }

    private void render(Context ctx, Chrome chrome, String query, Optional<String> problem) {
        Language language = chrome.language();
        List<BriefingIndex.Result> results = problem.isPresent() || query.isEmpty() ? List.of()
                : bundles.index().map(index -> index.search(query, language)).orElse(List.of());
        pages.render(ctx, "briefing/search.jte", new SearchPage(chrome, query, problem.orElse(null), results));
    }
}
