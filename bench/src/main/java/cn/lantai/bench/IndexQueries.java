package cn.lantai.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.internal.lucene.LuceneSearchIndex;

/**
 * Lantai's own search over an index directory, in process and on one thread: no HTTP, no Spring, so that a change to
 * the index (its segments, its codec) is priced alone. Copy an index root aside (a {@code bench/work/data/index} after
 * a run), change it, and run both in turn:
 *
 * <pre>
 * java -cp $CP cn.lantai.bench.IndexQueries --index /tmp/a --csv bench/work/rows.csv --queries 3000 --rounds 3
 * </pre>
 *
 * Prints the milliseconds a query of each kind took on average, each round: a blank query (browse), words drawn
 * from the titles as the HTTP load draws them, and a lookup of a 档号 sampled from the file, as an archivist who sees
 * everything.
 */
public final class IndexQueries {

    private IndexQueries() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path index = Path.of(args.get("index"));
        int queries = args.getInt("queries", 3000);
        int rounds = args.getInt("rounds", 3);
        Path csv = Path.of(args.get("csv", "bench/work/rows.csv"));
        List<String> phrases = QueryPhrases.fromCsv(csv, 300, 42);
        List<String> codes = LantaiRun.scan(csv).sampledCodes();
        Viewer archivist = Viewer.staff("bench", Classification.TOP_SECRET, true);
        try (LuceneSearchIndex lucene = new LuceneSearchIndex(index)) {
            for (int round = 1; round <= rounds; round++) {
                for (String kind : List.of("browse", "words", "code")) {
                    long started = System.nanoTime();
                    long hits = 0;
                    for (int i = 0; i < queries; i++) {
                        String text = switch (kind) {
                            case "browse" -> null;
                            case "code" -> codes.get(i % codes.size());
                            default -> phrases.get(i % phrases.size());
                        };
                        hits += lucene.search(new SearchQuery(text, null, null, null, null, null, null, null, Map.of(),
                                SearchQuery.Sort.RELEVANCE, 0, 20, archivist)).total();
                    }
                    System.out.printf("round %d, %s: %.3f ms a query (mean hits %d)%n", round, kind,
                            (System.nanoTime() - started) / 1e6 / queries, hits / queries);
                }
            }
        }
        System.exit(0);
    }
}
