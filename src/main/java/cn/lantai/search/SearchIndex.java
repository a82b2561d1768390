package cn.lantai.search;

import java.util.List;

/**
 * The search port. Engines: embedded Lucene (default) and SolrCloud. Contract: documents given to {@link #index} are
 * found by {@link #search} once the call returns; indexing a document with an id already indexed replaces it; every
 * search filters by the viewer's clearance and right to unopened records inside the engine, so totals, pages and
 * facets count only what the viewer may see.
 */
public interface SearchIndex extends AutoCloseable {

    void index(List<SearchDocument> documents);

    void delete(List<String> ids);

    SearchResult search(SearchQuery query);

    /** Removes every document (before a full rebuild). */
    void clear();

    long count();

    @Override
    void close();
}
