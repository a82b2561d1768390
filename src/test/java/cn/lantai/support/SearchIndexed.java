package cn.lantai.support;

import java.time.Duration;
import java.time.Instant;

import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;

/** Waits for the index, which follows the catalogue asynchronously by design, to hold what a test has just written. */
public final class SearchIndexed {

    private SearchIndexed() {
    }

    /** Waits (up to 20 s) until the query finds at least {@code count} hits. */
    public static void await(SearchManagement search, SearchQuery query, long count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (search.search(query).total() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the index never held " + count + " hits for " + query.text());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
