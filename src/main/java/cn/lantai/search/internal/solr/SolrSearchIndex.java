package cn.lantai.search.internal.solr;

import static cn.lantai.search.internal.SearchFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;

import cn.lantai.catalog.OpenStatus;
import cn.lantai.search.SearchDocument;
import cn.lantai.search.SearchHit;
import cn.lantai.search.SearchIndex;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;
import cn.lantai.search.internal.QueryWords;
import cn.lantai.search.internal.ScanText;

/**
 * The SolrCloud search engine, on the {@code lantai} configset (src/main/resources/solr/lantai/conf). It answers as
 * the embedded Lucene engine does: the user's words are escaped and analysed (never read as query syntax), all are
 * required in the catch-all field, a title phrase lifts a hit strongly; filters and the viewer's clearance (密级) and
 * open status (开放标识) are filter queries, so totals and facets count only what the viewer may see. Each
 * {@link #index}/{@link #delete} ends with a soft commit, so the change is searchable when the call returns; the
 * transaction log keeps it durable.
 *
 * <p>Totals: the request asks for {@code minExactCount=}{@link SearchResult#EXACT_UP_TO}, but the facets need every
 * hit's document set, so Solr counts exactly anyway and says so ({@code numFoundExact}); facets are exact.
 *
 * <p>Rebuild: in place, not aside (a new collection and an alias swap would be the textbook way; one collection keeps
 * the deployment simple). Nothing is cleared first, so searches keep the full count: the rebuild overwrites each
 * document by id, then deletes those whose {@code _version_} is older than the rebuild's start (items gone from the
 * catalogue), and re-sends the live changes made meanwhile so that a copy the rebuild read earlier does not win.
 */
public class SolrSearchIndex implements SearchIndex {

    private static final String STORED_FIELDS = String.join(",", ID, ARCHIVAL_CODE, TITLE, FONDS, CATEGORY, YEAR,
            DATE, CLASSIFICATION, OPEN_STATUS, SCAN_TEXT, "score");
    private static final int FRAGMENT_CHARS = 160;

    private final SolrClient client;
    private final String collection;
    /** Live changes while a rebuild runs (id to document, null for a deletion); null when none runs. */
    private Map<String, SearchDocument> rebuilding;

    public SolrSearchIndex(SolrClient client, String collection) {
        this.client = Objects.requireNonNull(client, "client");
        this.collection = Objects.requireNonNull(collection, "collection");
    }

    @Override
    public void index(List<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<SolrInputDocument> mapped = documents.stream().map(SolrSearchIndex::toSolr).toList();
        recordIndexed(documents);
        update(() -> client.add(collection, mapped));
    }

    @Override
    public void delete(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        recordDeleted(ids);
        update(() -> client.deleteById(collection, List.copyOf(ids)));
    }

    @Override
    public void clear() {
        update(() -> client.deleteByQuery(collection, "*:*"));
    }

    private interface Update {
        void run() throws SolrServerException, IOException;
    }

    private void update(Update update) {
        send(() -> {
            update.run();
            client.commit(collection, true, true, true);
        });
    }

    private void send(Update update) {
        try {
            update.run();
        } catch (SolrServerException e) {
            throw new IllegalStateException("Solr update failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Solr update failed", e);
        }
    }

    @Override
    public Rebuild rebuild() {
        // asked before the rebuild is marked under way: a Solr that cannot answer leaves nothing to block the next one
        long startedAfter = newestVersion();
        synchronized (this) {
            if (rebuilding != null) {
                throw new IllegalStateException("a rebuild of the search index is already under way");
            }
            rebuilding = new LinkedHashMap<>();
        }
        return new Rebuild() {
            private boolean done;

            @Override
            public void add(List<SearchDocument> documents) {
                if (!documents.isEmpty()) {
                    List<SolrInputDocument> mapped = documents.stream().map(SolrSearchIndex::toSolr).toList();
                    send(() -> client.add(collection, mapped));
                }
            }

            @Override
            public void swap() {
                Map<String, SearchDocument> changed;
                synchronized (SolrSearchIndex.this) {
                    changed = rebuilding;
                    rebuilding = null;
                    done = true;
                }
                List<SolrInputDocument> again = changed.values().stream().filter(Objects::nonNull)
                        .map(SolrSearchIndex::toSolr).toList();
                List<String> deleted = changed.entrySet().stream().filter(e -> e.getValue() == null)
                        .map(Map.Entry::getKey).toList();
                update(() -> {
                    client.deleteByQuery(collection, "_version_:[* TO " + startedAfter + "]");
                    if (!again.isEmpty()) {
                        client.add(collection, again);
                    }
                    if (!deleted.isEmpty()) {
                        client.deleteById(collection, deleted);
                    }
                });
            }

            @Override
            public void close() {
                synchronized (SolrSearchIndex.this) {
                    if (!done) {
                        rebuilding = null;
                        done = true;
                    }
                }
                // what the rebuild wrote is the catalogue's own content: nothing to undo
            }
        };
    }

    /** The newest document version in the collection (0 when empty): documents written later have higher ones. */
    private long newestVersion() {
        SolrQuery query = new SolrQuery("*:*");
        query.setRows(1);
        query.setFields("_version_");
        query.set("sort", "_version_ desc");
        SolrDocumentList docs = query(query).getResults();
        return docs.isEmpty() ? 0 : ((Number) docs.get(0).getFieldValue("_version_")).longValue();
    }

    private synchronized void recordIndexed(List<SearchDocument> documents) {
        if (rebuilding != null) {
            documents.forEach(d -> {
                rebuilding.remove(d.id());
                rebuilding.put(d.id(), d);
            });
        }
    }

    private synchronized void recordDeleted(List<String> ids) {
        if (rebuilding != null) {
            ids.forEach(id -> {
                rebuilding.remove(id);
                rebuilding.put(id, null);
            });
        }
    }

    @Override
    public long count() {
        SolrQuery query = new SolrQuery("*:*");
        query.setRows(0);
        return query(query).getResults().getNumFound();
    }

    @Override
    public SearchResult search(SearchQuery q) {
        QueryResponse response = query(SolrQueries.build(q, FRAGMENT_CHARS, STORED_FIELDS));
        Map<String, Map<String, List<String>>> highlighting = response.getHighlighting() == null ? Map.of()
                : response.getHighlighting();
        String words = words(q);
        List<String> marked = words == null || archivalCode(q) != null ? null
                : QueryWords.marked(QueryWords.parts(words));
        List<SearchHit> hits = new ArrayList<>();
        for (SolrDocument doc : response.getResults()) {
            String id = (String) doc.getFieldValue(ID);
            hits.add(toHit(doc, highlighting.getOrDefault(id, Map.of()), marked));
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String dimension : SearchResult.FACETS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            FacetField field = response.getFacetField(dimension);
            if (field != null && field.getValues() != null) {
                for (FacetField.Count c : field.getValues()) {
                    if (c.getCount() > 0) {
                        counts.put(c.getName(), c.getCount());
                    }
                }
            }
            facets.put(dimension, YEAR.equals(dimension) ? newestYearsFirst(counts) : counts);
        }
        Boolean exact = response.getResults().getNumFoundExact();
        return new SearchResult(response.getResults().getNumFound(), exact == null || exact, hits, facets, true);
    }

    private QueryResponse query(SolrQuery query) {
        try {
            return client.query(collection, query, SolrRequest.METHOD.POST);
        } catch (SolrServerException e) {
            throw new IllegalStateException("Solr search failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Solr search failed", e);
        }
    }

    static SolrInputDocument toSolr(SearchDocument d) {
        if (d.id() == null || d.id().isBlank()) {
            throw new IllegalArgumentException("a search document needs an id");
        }
        if (d.classification() == null) {
            throw new IllegalArgumentException("document " + d.id() + " has no classification (密级)");
        }
        OpenStatus status = d.openStatus() == null ? OpenStatus.PENDING : d.openStatus();
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField(ID, d.id());
        setIfPresent(doc, ARCHIVAL_CODE, d.archivalCode());
        setIfPresent(doc, FONDS, d.fonds());
        setIfPresent(doc, CATEGORY, d.category());
        setIfPresent(doc, RETENTION, d.retention());
        doc.setField(CLASSIFICATION, d.classification().name());
        doc.setField(CLASSIFICATION_RANK, d.classification().rank());
        doc.setField(OPEN_STATUS, status.name());
        doc.setField(YEAR, d.year());
        if (d.date() != null) {
            doc.setField(DATE, Date.from(d.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        setIfPresent(doc, TITLE, d.title());
        setIfPresent(doc, TEXT, d.text());
        setIfPresent(doc, FULL_TEXT, d.fullText());
        setIfPresent(doc, SCAN_TEXT, ScanText.join(d.scanPages())); // copied into "all" and "bigrams" by the schema
        setIfPresent(doc, CREATOR, d.creator()); // copied into creatorRuns by the schema
        setIfPresent(doc, DOC_NUMBER, d.docNumber()); // copied into docNumberRuns
        for (Map.Entry<String, String> e : d.extra().entrySet()) {
            String value = e.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            if (isValidExtraKey(e.getKey())) {
                doc.setField(extraField(e.getKey()), value.strip()); // copied into "all" and "bigrams" by the schema
            } else {
                doc.addField(ALL, value);
                doc.addField(BIGRAMS, value);
            }
        }
        return doc;
    }

    private static void setIfPresent(SolrInputDocument doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.setField(field, value);
        }
    }

    private static SearchHit toHit(SolrDocument doc, Map<String, List<String>> highlighting, List<String> marked) {
        Map<String, String> highlights = new LinkedHashMap<>();
        for (String field : HIGHLIGHTED) {
            List<String> fragments = highlighting.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                highlights.put(field, joinAdjacentMarks(String.join("… ", fragments)));
            }
        }
        Object date = doc.getFieldValue(DATE);
        Object year = doc.getFieldValue(YEAR);
        Object score = doc.getFieldValue("score");
        return new SearchHit((String) doc.getFieldValue(ID), string(doc, ARCHIVAL_CODE), string(doc, TITLE),
                string(doc, FONDS), string(doc, CATEGORY), year instanceof Number n ? n.intValue() : 0,
                date instanceof Date d ? LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC).toString() : null,
                string(doc, CLASSIFICATION), string(doc, OPEN_STATUS),
                score instanceof Number s ? s.floatValue() : 0f, Map.copyOf(highlights),
                highlights.containsKey(SCAN_TEXT) ? ScanText.firstPage(string(doc, SCAN_TEXT), marked) : null);
    }

    private static String string(SolrDocument doc, String field) {
        Object value = doc.getFirstValue(field);
        return value == null ? null : value.toString();
    }

    @Override
    public void close() {
        // the client belongs to whoever created it (a shared CloudSolrClient bean); nothing else to release
    }
}
