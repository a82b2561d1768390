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
import org.apache.solr.common.SolrInputDocument;

import cn.lantai.catalog.OpenStatus;
import cn.lantai.search.SearchDocument;
import cn.lantai.search.SearchHit;
import cn.lantai.search.SearchIndex;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;

/**
 * The SolrCloud search engine, on the {@code lantai} configset (src/main/resources/solr/lantai/conf). It answers as
 * the embedded Lucene engine does: the user's words are escaped and analysed (never read as query syntax), all are
 * required in the catch-all field, a title phrase lifts a hit strongly; filters and the viewer's clearance (密级) and
 * open status (开放标识) are filter queries, so totals and facets count only what the viewer may see. Each
 * {@link #index}/{@link #delete} ends with a soft commit, so the change is searchable when the call returns; the
 * transaction log keeps it durable.
 */
public class SolrSearchIndex implements SearchIndex {

    private static final String STORED_FIELDS = String.join(",", ID, ARCHIVAL_CODE, TITLE, FONDS, CATEGORY, YEAR,
            DATE, CLASSIFICATION, OPEN_STATUS, "score");
    private static final int FRAGMENT_CHARS = 160;

    private final SolrClient client;
    private final String collection;

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
        update(() -> client.add(collection, mapped));
    }

    @Override
    public void delete(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
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
        try {
            update.run();
            client.commit(collection, true, true, true);
        } catch (SolrServerException e) {
            throw new IllegalStateException("Solr update failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Solr update failed", e);
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
        List<SearchHit> hits = new ArrayList<>();
        for (SolrDocument doc : response.getResults()) {
            String id = (String) doc.getFieldValue(ID);
            hits.add(toHit(doc, highlighting.getOrDefault(id, Map.of())));
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
            facets.put(dimension, counts);
        }
        return new SearchResult(response.getResults().getNumFound(), hits, facets);
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
        setIfPresent(doc, CREATOR, d.creator());
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

    private static SearchHit toHit(SolrDocument doc, Map<String, List<String>> highlighting) {
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
                score instanceof Number s ? s.floatValue() : 0f, Map.copyOf(highlights));
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
