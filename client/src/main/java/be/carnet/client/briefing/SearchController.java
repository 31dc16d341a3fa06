package be.carnet.client.briefing;

import be.carnet.client.web.Pages;
import be.carnet.i18n.Language;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/** The search results page: reads the query, asks the in-memory index, renders. Changes nothing. */
public final class SearchController {

    private final BundleService bundles;
    private final Pages pages;

    public SearchController(BundleService bundles, Pages pages) {
        this.bundles = bundles;
        this.pages = pages;
    }

    public void search(Context ctx) {
        Language language = pages.localizer(ctx).language();
        String untrustedQuery = ctx.queryParam("q");
        String query = untrustedQuery == null ? "" : untrustedQuery;
        Optional<String> problem = BriefingIndex.problem(query);
        List<BriefingIndex.Result> results = List.of();
        if (problem.isPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        } else {
            results = bundles.index().map(index -> index.search(query, language)).orElse(List.of());
        }
        pages.render(ctx, "briefing/search.jte", new SearchPage(pages.chrome(ctx), query, problem.orElse(null),
                results));
    }
}
