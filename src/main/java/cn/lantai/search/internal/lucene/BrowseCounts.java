package cn.lantai.search.internal.lucene;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;

/**
 * The total and facets of searches without words (browsing the catalogue, a tree node, a filter), kept for the reader
 * they were counted on. Such a search matches whole fonds or the whole catalogue, so counting it walks every item,
 * while the page itself needs only its first few: with the counts known, a repeated browse reads just the page. The
 * key is the whole query, whose FILTER clauses hold the viewer's clearance, open status and scope, so counts are never
 * shared between viewers who see different records. A new reader (any indexed change) starts afresh.
 */
final class BrowseCounts {

    record Counted(long total, boolean totalExact, Map<String, Map<String, Long>> facets, boolean facetsExact) {
    }

    private static final int CAPACITY = 256;

    private Object reader;
    private final Map<Query, Counted> counted = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Query, Counted> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Counted find(IndexReader on, Query query) {
        return readerKey(on) == reader ? counted.get(query) : null;
    }

    synchronized void keep(IndexReader on, Query query, Counted counts) {
        Object key = readerKey(on);
        if (key != reader) {
            counted.clear();
            reader = key;
        }
        counted.put(query, counts);
    }

    private static Object readerKey(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        return helper == null ? reader : helper.getKey();
    }
}
