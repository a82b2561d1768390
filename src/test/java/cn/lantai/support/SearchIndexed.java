package cn.lantai.support;

import org.awaitility.Awaitility;

import java.time.Duration;

import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;

/** Waits for the index, which follows the catalogue asynchronously by design, to hold what a test has just written. */
public final class SearchIndexed {

    /**
     * How long a test waits for asynchronous work (the index, a job) before it fails: generous, because CI shares two
     * cores between the application, PostgreSQL, SolrCloud and a browser; a passing wait ends as soon as its condition
     * holds.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private SearchIndexed() {
    }

    /** Waits until the query finds at least {@code count} hits. */
    public static void await(SearchManagement search, SearchQuery query, long count) {
        Awaitility.await().alias("the index holds " + count + " hits for " + query.text()).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> search.search(query).total() >= count);
    }
}
