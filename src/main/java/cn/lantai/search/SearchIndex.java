package cn.lantai.search;

import java.util.List;

/**
 * The search port. Engines: embedded Lucene (default) and SolrCloud. Contract: documents given to {@link #index} are
 * found by {@link #search} once the call returns, and are durable by then (a crash after the call loses nothing);
 * indexing a document with an id already indexed replaces it; every search filters by the viewer's clearance and
 * right to unopened records inside the engine, so totals, pages and facets count only what the viewer may see.
 * Searches run concurrently with each other and with indexing.
 */
public interface SearchIndex extends AutoCloseable {

    void index(List<SearchDocument> documents);

    void delete(List<String> ids);

    SearchResult search(SearchQuery query);

    /** Removes every document at once (a fresh start, tests); a full rebuild uses {@link #rebuild()} instead. */
    void clear();

    /**
     * Starts building a complete new index aside, while searches keep answering from the current one in full.
     * {@link #index} and {@link #delete} calls made meanwhile reach the new index too (after the rebuild's own
     * documents, so the live change wins over an older copy the rebuild read); {@link Rebuild#swap()} makes the new
     * index the one searched. One rebuild at a time.
     */
    Rebuild rebuild();

    long count();

    /**
     * True when the index was written in an older layout of fields than this version writes and must be rebuilt
     * (it answers searches meanwhile). An engine whose schema lives outside the application answers false.
     */
    default boolean outdated() {
        return false;
    }

    @Override
    void close();

    /** A rebuild under way: {@link #add} every document, then {@link #swap}; closing without a swap abandons it. */
    interface Rebuild extends AutoCloseable {

        void add(List<SearchDocument> documents);

        /** Makes the rebuilt index the one searched, durably; the old one is dropped. */
        void swap();

        /** Abandons the rebuild if it was not swapped in; the current index stays as it was. */
        @Override
        void close();
    }
}
