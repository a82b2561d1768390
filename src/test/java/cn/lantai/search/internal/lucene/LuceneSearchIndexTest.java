package cn.lantai.search.internal.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.SearchDocument;
import cn.lantai.search.SearchIndex;
import cn.lantai.search.SearchIndexContract;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;
import cn.lantai.search.internal.SearchFields;

/** The search contract against the embedded Lucene engine, a fresh index directory per test; and its own rules. */
class LuceneSearchIndexTest extends SearchIndexContract {

    private static final Viewer ARCHIVIST = Viewer.staff("archivist", Classification.TOP_SECRET, true);

    @TempDir
    Path temp;

    @Override
    protected SearchIndex openIndex() throws Exception {
        return new LuceneSearchIndex(Files.createDirectories(temp.resolve("index")));
    }

    @Override
    protected void closeIndex(SearchIndex index) {
        index.close();
    }

    private static SearchDocument item(int n, String fonds) {
        return new SearchDocument("i" + n, "A-" + n, "文书" + n, fonds, "WS", 1990 + n % 10, "永久",
                Classification.NONE, OpenStatus.OPEN, null, "县委", null, null, null);
    }

    @Test
    void facetsPastTenThousandHitsAreEstimatedAndSaySoWhileTheTotalStaysExact() {
        int items = 16_000;
        // fonds F0 holds every fourth item, F1 the rest: a regular pattern a sample must not fall in step with
        index.index(IntStream.range(0, items).mapToObj(n -> item(n, n % 4 == 0 ? "F0" : "F1")).toList());

        SearchResult all = index.search(SearchQuery.of("", ARCHIVIST));
        assertThat(all.total()).isEqualTo(items);
        assertThat(all.totalExact()).isTrue();
        assertThat(all.facetsExact()).isFalse();
        Map<String, Long> fonds = all.facets().get("fonds");
        assertThat(fonds.get("F0")).isBetween((long) (items / 4 * 0.9), (long) (items / 4 * 1.1));
        assertThat(fonds.get("F1")).isBetween((long) (items * 3 / 4 * 0.9), (long) (items * 3 / 4 * 1.1));

        SearchResult few = index.search(new SearchQuery("", "F0", null, null, null, null, null, null, null, null, 0, 20,
                ARCHIVIST));
        assertThat(few.total()).isEqualTo(items / 4);
        assertThat(few.facetsExact()).as("below 10,000 hits facets are counted exactly").isTrue();
        assertThat(few.facets().get("fonds")).containsExactlyEntriesOf(Map.of("F0", (long) items / 4));
        assertThat(few.facets().get("year").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(items / 4);
    }

    @Test
    void aSearchWithWordsPastTenThousandHitsSaysItsTotalIsALowerBoundAndEstimatesItsFacets() {
        int items = 24_000;
        // F0 holds every fourth item, F2 the first 6,000 in one run of ids, F1 the rest: neither a regular pattern
        // nor a cluster may throw the windows' estimate off; six batches, so counting stops inside one segment of many
        for (int batch = 0; batch < 6; batch++) {
            index.index(IntStream.range(batch * items / 6, (batch + 1) * items / 6)
                    .mapToObj(n -> item(n, n < 6_000 ? "F2" : n % 4 == 0 ? "F0" : "F1")).toList());
        }

        SearchResult many = index.search(SearchQuery.of("文书", ARCHIVIST));
        assertThat(many.totalExact()).isFalse();
        assertThat(many.total()).isBetween((long) SearchResult.EXACT_UP_TO, (long) items);
        assertThat(many.hits()).hasSize(20);
        assertThat(many.facetsExact()).isFalse();
        Map<String, Long> fonds = many.facets().get("fonds");
        assertThat(fonds.get("F2")).isBetween((long) (6_000 * 0.85), (long) (6_000 * 1.15));
        assertThat(fonds.get("F0")).isBetween((long) (4_500 * 0.85), (long) (4_500 * 1.15));
        assertThat(fonds.get("F1")).isBetween((long) (13_500 * 0.85), (long) (13_500 * 1.15));

        SearchResult few = index.search(new SearchQuery("文书", "F2", null, null, null, null, null, null, null, null, 0,
                20, ARCHIVIST));
        assertThat(few.total()).isEqualTo(6_000);
        assertThat(few.totalExact()).isTrue();
        assertThat(few.facetsExact()).as("below 10,000 hits facets are counted exactly").isTrue();
        assertThat(few.facets().get("fonds")).containsExactlyEntriesOf(Map.of("F2", 6_000L));
        assertThat(few.facets().get("year").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6_000);
    }

    @Test
    void aReopenedIndexHoldsEveryAcknowledgedChangeAndTheRebuiltGenerationAlone() throws Exception {
        Path root = temp.resolve("reopened");
        try (LuceneSearchIndex first = new LuceneSearchIndex(root)) {
            first.index(List.of(item(1, "F1"), item(2, "F1"), item(3, "F1")));
            try (SearchIndex.Rebuild rebuild = first.rebuild()) {
                rebuild.add(List.of(item(1, "F1"), item(2, "F1")));
                rebuild.swap();
            }
            first.index(List.of(item(4, "F1")));
        }
        try (Stream<Path> generations = Files.list(root)) {
            assertThat(generations.filter(Files::isDirectory).count()).as("the old generation was removed").isEqualTo(1);
        }
        try (LuceneSearchIndex again = new LuceneSearchIndex(root)) {
            assertThat(again.count()).isEqualTo(3);
            assertThat(again.search(SearchQuery.of("", ARCHIVIST)).hits()).extracting(h -> h.id())
                    .containsExactlyInAnyOrder("i1", "i2", "i4");
        }
    }

    @Test
    void anAbandonedRebuildLeavesTheIndexAsItWas() {
        index.index(List.of(item(1, "F1"), item(2, "F1")));
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            rebuild.add(List.of(item(1, "F1")));
            // no swap: the catalogue could not be read to the end
        }
        assertThat(index.count()).isEqualTo(2);
        index.index(List.of(item(3, "F1")));
        assertThat(index.count()).isEqualTo(3);
        try (SearchIndex.Rebuild again = index.rebuild()) {
            again.add(List.of(item(3, "F1")));
            again.swap();
        }
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void anIndexWrittenByAnEarlierVersionIsOutdatedUntilRebuiltAndAnsweredMeanwhile() throws Exception {
        Path root = temp.resolve("earlier");
        // what version 0.1 left: one index in the root itself, fields in the old layout, no layout recorded
        try (Directory dir = FSDirectory.open(root);
                IndexWriter old = new IndexWriter(dir,
                        new IndexWriterConfig(
                                new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer()))) {
            org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.StringField("id", "old", org.apache.lucene.document.Field.Store.YES));
            doc.add(new org.apache.lucene.document.StoredField("text", "只存不索引的旧字段"));
            old.addDocument(doc);
            old.commit();
        }
        try (LuceneSearchIndex reopened = new LuceneSearchIndex(root)) {
            assertThat(reopened.outdated()).isTrue();
            assertThat(reopened.count()).as("the old index still answers until the rebuild").isEqualTo(1);
            try (SearchIndex.Rebuild rebuild = reopened.rebuild()) {
                rebuild.add(List.of(item(1, "F1")));
                rebuild.swap();
            }
            assertThat(reopened.outdated()).isFalse();
            reopened.index(List.of(item(2, "F1")));
            assertThat(reopened.count()).isEqualTo(2);
        }
        try (LuceneSearchIndex again = new LuceneSearchIndex(root)) {
            assertThat(again.outdated()).as("the layout is recorded with the rebuilt index").isFalse();
        }
        try (LuceneSearchIndex fresh = new LuceneSearchIndex(temp.resolve("fresh"))) {
            fresh.index(List.of(item(1, "F1")));
            assertThat(fresh.outdated()).isFalse();
        }
    }

    @Test
    void segmentsWrittenWithLucenesOwnCodecAreReadBesideTheSmallBlockOnesWrittenNow() throws Exception {
        Path root = temp.resolve("codecs");
        // an index of the current layout as the version before the small stored-field blocks wrote it
        try (Directory dir = FSDirectory.open(root);
                IndexWriter before = new IndexWriter(dir,
                        new IndexWriterConfig(LuceneDocumentMapper.analyzer()))) {
            before.setLiveCommitData(Map.of("lantai.layout", LuceneDocumentMapper.LAYOUT).entrySet());
            before.addDocument(LuceneDocumentMapper.toDocument(item(1, "F1")));
            before.commit();
        }
        try (LuceneSearchIndex reopened = new LuceneSearchIndex(root)) {
            assertThat(reopened.outdated()).isFalse();
            reopened.index(List.of(item(2, "F1")));
            assertThat(reopened.search(SearchQuery.of("", ARCHIVIST)).hits())
                    .extracting(h -> h.id() + " " + h.archivalCode() + " " + h.title())
                    .containsExactlyInAnyOrder("i1 A-1 文书1", "i2 A-2 文书2");
        }
        Set<String> codecs = new HashSet<>();
        for (Path dir : committedIndexes(root)) {
            try (Directory d = FSDirectory.open(dir)) {
                org.apache.lucene.index.SegmentInfos.readLatestCommit(d)
                        .forEach(segment -> codecs.add(segment.info.getCodec().getName()));
            }
        }
        assertThat(codecs).containsExactlyInAnyOrder("Lucene912", LantaiCodec.NAME);
    }

    @Test
    void batchesWrittenOneByOneAreMergedIntoOneSegmentOnceTheIndexIsQuietAndSearchesReadIt() throws Exception {
        // nine commits, nine small segments: while batches keep coming, ten a tier are let be
        for (int n = 0; n < 9; n++) {
            index.index(List.of(item(n, "F1")));
        }
        LuceneSearchIndex lucene = (LuceneSearchIndex) index;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (lucene.segments() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(lucene.segments()).as("small segments merged into one once quiet, and searched so").isEqualTo(1);
        assertThat(index.search(SearchQuery.of("", ARCHIVIST)).total()).isEqualTo(9);
    }

    @Test
    void keysAreLookedUpThroughBloomFiltersAndSegmentsWrittenBeforeTheFiltersStillAnswerAndUpdate() throws Exception {
        Path root = temp.resolve("keys");
        // the small-block codec as it was before its key fields carried Bloom filters: Lucene's postings for every field
        Codec before = new FilterCodec(LantaiCodec.NAME, new Lucene912Codec()) {
            private final StoredFieldsFormat stored = new LantaiCodec().storedFieldsFormat();

            @Override
            public StoredFieldsFormat storedFieldsFormat() {
                return stored;
            }
        };
        try (Directory dir = FSDirectory.open(root);
                IndexWriter writer = new IndexWriter(dir,
                        new IndexWriterConfig(LuceneDocumentMapper.analyzer()).setCodec(before))) {
            writer.setLiveCommitData(Map.of("lantai.layout", LuceneDocumentMapper.LAYOUT).entrySet());
            for (int n = 1; n <= 3; n++) {
                writer.addDocument(LuceneDocumentMapper.toDocument(coded(n, "旧题名" + n)));
            }
            writer.commit();
        }
        try (LuceneSearchIndex reopened = new LuceneSearchIndex(root)) {
            reopened.index(List.of(coded(2, "改过的题名"), coded(4, "新题名4")));
            reopened.index(List.of(coded(5, "新题名5")));

            for (int n = 1; n <= 5; n++) {
                String code = "J001-WS·2001-Y-BGS-%04d".formatted(n);
                assertThat(reopened.search(SearchQuery.of(code, ARCHIVIST)).hits())
                        .as("档号 %s, in a segment with or without a filter", code)
                        .extracting(h -> h.id() + " " + h.title())
                        .containsExactly("i" + n + " " + (n == 2 ? "改过的题名" : n <= 3 ? "旧题名" + n : "新题名" + n));
            }
            assertThat(reopened.search(SearchQuery.of("J001-WS·2001-Y-BGS-0006", ARCHIVIST)).hits()).isEmpty();
            assertThat(reopened.count()).as("the update replaced the old segment's version by its id").isEqualTo(5);
        }
        Set<String> formats = new HashSet<>();
        for (Path dir : committedIndexes(root)) {
            try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    for (String field : List.of(SearchFields.ID, SearchFields.ARCHIVAL_CODE)) {
                        formats.add(field + " " + leaf.reader().getFieldInfos().fieldInfo(field)
                                .getAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY));
                    }
                }
            }
        }
        assertThat(formats).contains("id BloomFilter", "archivalCode BloomFilter");
    }

    /** The directories under an index root that hold a commit (the root itself or its generations). */
    private static List<Path> committedIndexes(Path root) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().startsWith("segments_")).map(Path::getParent)
                    .distinct().toList();
        }
    }

    private static SearchDocument coded(int n, String title) {
        return new SearchDocument("i" + n, "J001-WS·2001-Y-BGS-%04d".formatted(n), title, "J001", "WS", 2001, "永久",
                Classification.NONE, OpenStatus.OPEN, null, "县委", null, null, null);
    }
}
