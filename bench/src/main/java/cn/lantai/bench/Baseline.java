package cn.lantai.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The baseline: the same work as a Lantai import and search, done directly with no application around it. Reads the
 * catalogue CSV with commons-csv, drops invalid rows with the checks the generator's bad rows need (empty 题名,
 * impossible 日期, unknown 保管期限, repeated 档号), inserts into a plain table by batched JDBC (one transaction per
 * batch of 1000) in H2 (file mode) or PostgreSQL, and indexes into Lucene with SmartChineseAnalyzer through one
 * IndexWriter: one catch-all field of the row's words (题名, 责任者, 文件编号, 主题词, 备注, 全文), the 档号, 密级 and
 * 开放标识 as exact terms, the 题名 stored. The clock stops when a reader finds the last row.
 *
 * <p>Its searches are the floor Lantai is measured against: {@link #words}, {@link #publicWords}, {@link #browse} and
 * {@link #archivalCode}, top 20 each. {@link FloorServer} serves them over HTTP; {@link #searchLoad} runs the words
 * search in-process, to show what HTTP itself costs.
 *
 * <p>Reading, the database and indexing run in parallel (one reader, one JDBC writer, {@code indexThreads} indexers),
 * as a careful hand-written importer would.
 */
public final class Baseline implements Closeable {

    /** What to run against; a null {@code jdbcUrl} means an H2 file database in {@code workDir}. */
    public record Options(Path csv, Path workDir, String jdbcUrl, String jdbcUser, String jdbcPassword, int batchSize,
            int indexThreads) {
        public Options(Path csv, Path workDir) {
            this(csv, workDir, null, "sa", "", 1000, Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** Figures of the import; rows counts every data row of the file, as for Lantai. */
    public record ImportResult(long rows, long accepted, long rejected, double seconds, double rowsPerSecond,
            long maxHeapBytes, String lastCode, String lastTitle, List<String> sampledTitles,
            List<String> sampledCodes) {
    }

    /** Top hits of a floor search: the total (a lower bound above 1000, as Lucene counts lazily) and 档号 + 题名. */
    public record Hits(long total, List<Hit> hits) {
    }

    public record Hit(String archivalCode, String title) {
    }

    /** Field names of the floor's index. */
    static final String ALL = "all", CODE = "archivalCode", TITLE = "title", CLASSIFICATION = "classification",
            OPEN_STATUS = "openStatus";
    /** The 密级 term of an unclassified row, and the 开放标识 of a row open to the public. */
    static final String UNCLASSIFIED = "无", OPEN = "开放";

    static final Set<String> RETENTIONS = Set.of("Y", "D30", "D10", "永久", "定期30年", "定期10年");
    private static final List<String[]> END = new ArrayList<>();
    private static final String INSERT = "INSERT INTO bench_item (archival_code, fonds, category, archive_year, "
            + "retention, org, item_no, title, doc_date, creator, doc_number, pages, classification, open_status, "
            + "keywords, remarks, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Options options;
    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private Directory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    public Baseline(Options options) {
        this.options = options;
    }

    /** Imports the whole file into the database and the index, and returns when the last row is searchable. */
    public ImportResult importAndIndex() throws Exception {
        Files.createDirectories(options.workDir());
        String url = options.jdbcUrl() != null ? options.jdbcUrl()
                : "jdbc:h2:file:" + options.workDir().toAbsolutePath().resolve("baseline-db") + ";DB_CLOSE_ON_EXIT=FALSE";
        BlockingQueue<List<String[]>> toDb = new ArrayBlockingQueue<>(8);
        BlockingQueue<List<String[]>> toIndex = new ArrayBlockingQueue<>(8);
        QueryPhrases.Sample titles = new QueryPhrases.Sample(4000, 7);
        QueryPhrases.Sample codes = new QueryPhrases.Sample(4000, 13);
        long rows = 0, accepted = 0;
        String[] last = null;
        ExecutorService pool = Executors.newFixedThreadPool(1 + options.indexThreads());
        try (Connection db = DriverManager.getConnection(url, options.jdbcUser(), options.jdbcPassword());
                HeapSampler heap = new HeapSampler("baseline", 250, HeapSampler.thisJvm())) {
            createTable(db);
            directory = FSDirectory.open(options.workDir().resolve("baseline-index"));
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(128);
            long start = System.nanoTime();
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                List<Future<?>> workers = new ArrayList<>();
                workers.add(pool.submit(() -> writeDb(db, toDb)));
                for (int i = 0; i < options.indexThreads(); i++) {
                    workers.add(pool.submit(() -> index(writer, toIndex)));
                }
                Set<String> seen = new HashSet<>();
                List<String[]> batch = new ArrayList<>(options.batchSize());
                try (Reader in = Files.newBufferedReader(options.csv(), StandardCharsets.UTF_8);
                        CSVParser parser = CSVParser.parse(QueryPhrases.skipBom(in), QueryPhrases.csvFormat())) {
                    boolean body = parser.getHeaderMap().containsKey("全文");
                    for (CSVRecord r : parser) {
                        rows++;
                        String[] cells = new String[CatalogueGenerator.HEADERS.size()];
                        for (int c = 0; c < CatalogueGenerator.BODY; c++) {
                            cells[c] = r.get(CatalogueGenerator.HEADERS.get(c));
                        }
                        cells[CatalogueGenerator.BODY] = body ? r.get("全文") : null;
                        if (!valid(cells, seen)) {
                            continue;
                        }
                        accepted++;
                        last = cells;
                        titles.offer(cells[CatalogueGenerator.TITLE]);
                        codes.offer(cells[CatalogueGenerator.CODE]);
                        batch.add(cells);
                        if (batch.size() == options.batchSize()) {
                            hand(batch, toDb, toIndex, workers);
                            batch = new ArrayList<>(options.batchSize());
                        }
                    }
                }
                hand(batch, toDb, toIndex, workers);
                put(toDb, END, workers);
                for (int i = 0; i < options.indexThreads(); i++) {
                    put(toIndex, END, workers);
                }
                for (Future<?> f : workers) {
                    f.get();
                }
                writer.commit();
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
            if (last != null && searcher.count(archivalCode(last[CatalogueGenerator.CODE])) != 1) {
                throw new IllegalStateException("last row " + last[0] + " is not searchable");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new ImportResult(rows, accepted, rows - accepted, seconds, rows / seconds, heap.maxBytes(),
                    last == null ? null : last[0], last == null ? null : last[CatalogueGenerator.TITLE],
                    titles.values(), codes.values());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void hand(List<String[]> batch, BlockingQueue<List<String[]>> toDb,
            BlockingQueue<List<String[]>> toIndex, List<Future<?>> workers) throws Exception {
        if (!batch.isEmpty()) {
            put(toDb, batch, workers);
            put(toIndex, batch, workers);
        }
    }

    /** Puts into a queue, surfacing a worker's failure instead of waiting forever on a full queue. */
    private static void put(BlockingQueue<List<String[]>> queue, List<String[]> item, List<Future<?>> workers)
            throws Exception {
        while (!queue.offer(item, 1, TimeUnit.SECONDS)) {
            for (Future<?> f : workers) {
                if (f.isDone()) {
                    f.get();
                }
            }
        }
    }

    static boolean valid(String[] cells, Set<String> codes) {
        if (cells[CatalogueGenerator.TITLE].isBlank()
                || !RETENTIONS.contains(cells[CatalogueGenerator.RETENTION].strip())) {
            return false;
        }
        try {
            LocalDate.parse(cells[CatalogueGenerator.DATE]);
        } catch (DateTimeParseException e) {
            return false;
        }
        return codes.add(cells[CatalogueGenerator.CODE]);
    }

    private static void createTable(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_item");
            s.execute("CREATE TABLE bench_item (archival_code VARCHAR(64) PRIMARY KEY, fonds VARCHAR(4), "
                    + "category VARCHAR(2), archive_year INT, retention VARCHAR(16), org VARCHAR(16), item_no INT, "
                    + "title VARCHAR(1000), doc_date DATE, creator VARCHAR(200), doc_number VARCHAR(100), pages INT, "
                    + "classification VARCHAR(16), open_status VARCHAR(16), keywords VARCHAR(500), "
                    + "remarks VARCHAR(500), body VARCHAR(1000000))");
        }
    }

    private Void writeDb(Connection db, BlockingQueue<List<String[]>> queue) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement(INSERT)) {
            for (List<String[]> batch = queue.take(); batch != END; batch = queue.take()) {
                for (String[] c : batch) {
                    for (int i = 0; i < CatalogueGenerator.HEADERS.size(); i++) {
                        switch (i) {
                            case CatalogueGenerator.YEAR, CatalogueGenerator.ITEM_NO, CatalogueGenerator.PAGES ->
                                    ps.setInt(i + 1, Integer.parseInt(c[i].strip()));
                            case CatalogueGenerator.DATE -> ps.setObject(i + 1, LocalDate.parse(c[i]), Types.DATE);
                            default -> ps.setString(i + 1, c[i]);
                        }
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
                db.commit();
            }
        }
        return null;
    }

    private Void index(IndexWriter writer, BlockingQueue<List<String[]>> queue) throws Exception {
        for (List<String[]> batch = queue.take(); batch != END; batch = queue.take()) {
            for (String[] c : batch) {
                Document doc = new Document();
                doc.add(new StringField(CODE, c[CatalogueGenerator.CODE], Field.Store.YES));
                doc.add(new StringField("fonds", c[CatalogueGenerator.FONDS], Field.Store.NO));
                doc.add(new StringField("year", c[CatalogueGenerator.YEAR], Field.Store.NO));
                String classification = c[CatalogueGenerator.CLASSIFICATION].strip();
                doc.add(new StringField(CLASSIFICATION, classification.isEmpty() ? UNCLASSIFIED : classification,
                        Field.Store.NO));
                doc.add(new StringField(OPEN_STATUS, c[CatalogueGenerator.OPEN_STATUS].strip(), Field.Store.NO));
                doc.add(new StoredField(TITLE, c[CatalogueGenerator.TITLE]));
                doc.add(new TextField(ALL, catchAll(c), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        return null;
    }

    /** The words of a row a search box finds it by, run together into the one catch-all field. */
    private static String catchAll(String[] c) {
        StringBuilder all = new StringBuilder(c[CatalogueGenerator.TITLE]);
        for (int i : new int[] {CatalogueGenerator.CREATOR, CatalogueGenerator.DOC_NUMBER, CatalogueGenerator.KEYWORDS,
                CatalogueGenerator.REMARKS, CatalogueGenerator.BODY}) {
            if (c[i] != null && !c[i].isBlank()) {
                all.append('\n').append(c[i]);
            }
        }
        return all.toString();
    }

    /** The query a search box would run: every analysed term of the phrase in the catch-all field. */
    Query words(String phrase) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        try (TokenStream ts = analyzer.tokenStream(ALL, new StringReader(phrase))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                all.add(new TermQuery(new Term(ALL, term.toString())), Occur.MUST);
            }
            ts.end();
        }
        return all.build();
    }

    /** The public's search: the same words, over rows open to the public (开放) and unclassified (无密级) only. */
    Query publicWords(String phrase) throws IOException {
        return new BooleanQuery.Builder().add(words(phrase), Occur.MUST)
                .add(new TermQuery(new Term(OPEN_STATUS, OPEN)), Occur.FILTER)
                .add(new TermQuery(new Term(CLASSIFICATION, UNCLASSIFIED)), Occur.FILTER).build();
    }

    /** A blank query: every row (browsing), in index order. */
    static Query browse() {
        return new MatchAllDocsQuery();
    }

    /** A 档号 lookup: the exact term. */
    static Query archivalCode(String code) {
        return new TermQuery(new Term(CODE, code.strip()));
    }

    /** Top 20 of a query with each hit's 档号 and 题名, as the floor answers. */
    Hits top20(Query query) throws IOException {
        TopDocs top = searcher.search(query, 20);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc, FIELDS_SHOWN);
            hits.add(new Hit(d.get(CODE), d.get(TITLE)));
        }
        return new Hits(top.totalHits.value, hits);
    }

    private static final Set<String> FIELDS_SHOWN = Set.of(CODE, TITLE);

    /** One words search, top 20, in-process; returns the total and the first hit's 档号. */
    public SearchLoad.Answer search(String phrase) throws IOException {
        Hits hits = top20(words(phrase));
        return new SearchLoad.Answer(hits.total(), hits.hits().isEmpty() ? null : hits.hits().get(0).archivalCode());
    }

    /** Runs the words search load in-process against the index built by {@link #importAndIndex()}. */
    public SearchLoad.Result searchLoad(List<String> phrases, int clients, Duration warmup, Duration duration,
            long maxQueries) throws InterruptedException {
        return SearchLoad.run(phrases, clients, warmup, duration, maxQueries, 11, this::search);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        if (directory != null) {
            directory.close();
        }
        analyzer.close();
    }

    /** {@code --csv file [--work dir] [--jdbc-url url --jdbc-user u --jdbc-password p] [--clients 32] [--duration 30s]}. */
    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Options options = new Options(Path.of(args.get("csv", "bench/work/rows.csv")),
                Path.of(args.get("work", "bench/work/baseline")), args.get("jdbc-url"), args.get("jdbc-user", "sa"),
                args.get("jdbc-password", ""), args.getInt("batch", 1000),
                args.getInt("index-threads", Runtime.getRuntime().availableProcessors()));
        try (Baseline baseline = new Baseline(options)) {
            ImportResult imported = baseline.importAndIndex();
            System.out.println(imported.rows() + " rows (" + imported.rejected() + " rejected) searchable in "
                    + String.format("%.1f s, %.0f rows/s", imported.seconds(), imported.rowsPerSecond()));
            List<String> phrases = QueryPhrases.fromTitles(imported.sampledTitles(), 1000, 5);
            System.out.println(baseline.searchLoad(phrases, args.getInt("clients", 32),
                    args.getDuration("warmup", Duration.ofSeconds(5)), args.getDuration("duration",
                            Duration.ofSeconds(30)), Long.MAX_VALUE));
        }
    }
}
