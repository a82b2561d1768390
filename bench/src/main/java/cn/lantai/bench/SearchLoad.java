package cn.lantai.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop search load: a number of client threads each send one query after another, picking inputs (query
 * phrases, 档号, or the empty input of a blank query) at random (seeded), for a fixed duration or a fixed number of
 * queries, whichever ends first. The same load runs against the HTTP floor ({@link FloorServer}), against raw Lucene
 * in-process ({@link Baseline}) and against Lantai over HTTP ({@link LantaiRun}), so their figures compare directly.
 */
final class SearchLoad {

    /** One search; returns what came back. Throwing counts as an error. */
    @FunctionalInterface
    interface Searcher {
        Answer search(String input) throws Exception;
    }

    /** The total a search reported (negative when unknown) and the 档号 of its first hit (null when none). */
    record Answer(long total, String firstCode) {
    }

    /**
     * Latencies in milliseconds (nearest-rank percentiles) and throughput in queries per second; {@code misses}
     * counts answers whose first hit was not the input, when the load was asked to check that (a 档号 lookup).
     */
    record Result(int clients, long queries, long errors, double seconds, double qps, double p50, double p95,
            double p99, double max, double meanHits, long misses) {
    }

    private SearchLoad() {
    }

    /**
     * Runs the load. A warm-up of the given duration with the same clients comes first and is not measured.
     *
     * @param maxQueries stop after this many measured queries in total ({@code Long.MAX_VALUE} for no limit)
     */
    static Result run(List<String> phrases, int clients, Duration warmup, Duration duration, long maxQueries,
            long seed, Searcher searcher) throws InterruptedException {
        return run(phrases, clients, warmup, duration, maxQueries, seed, false, searcher);
    }

    /**
     * As {@link #run(List, int, Duration, Duration, long, long, Searcher)}; with {@code firstIsInput} each answer's
     * first hit must be the input itself (a 档号 lookup), and answers where it is not are counted as misses.
     */
    static Result run(List<String> phrases, int clients, Duration warmup, Duration duration, long maxQueries,
            long seed, boolean firstIsInput, Searcher searcher) throws InterruptedException {
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("no query inputs");
        }
        if (!warmup.isZero()) {
            runPhase(phrases, clients, warmup, Long.MAX_VALUE, seed ^ 0x5DEECE66DL, firstIsInput, searcher);
        }
        return runPhase(phrases, clients, duration, maxQueries, seed, firstIsInput, searcher);
    }

    private static Result runPhase(List<String> phrases, int clients, Duration duration, long maxQueries, long seed,
            boolean firstIsInput, Searcher searcher) throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong hits = new AtomicLong();
        AtomicLong misses = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                Random rnd = new Random(seed + client);
                long[] mine = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline && issued.getAndIncrement() < maxQueries) {
                    String phrase = phrases.get(rnd.nextInt(phrases.size()));
                    long t0 = System.nanoTime();
                    try {
                        Answer answer = searcher.search(phrase);
                        hits.addAndGet(Math.max(0, answer.total()));
                        if (firstIsInput && !phrase.equals(answer.firstCode())) {
                            misses.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (errors.getAndIncrement() < 3) {
                            System.err.println("search failed for '" + phrase + "': " + e);
                        }
                        continue;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                latencies[client] = mine;
                counts[client] = n;
            }, "search-client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(clients, total, errors.get(), seconds, total / seconds, percentile(all, 0.50),
                percentile(all, 0.95), percentile(all, 0.99), total == 0 ? Double.NaN : all[total - 1] / 1e6,
                total == 0 ? 0 : (double) hits.get() / total, misses.get());
    }

    /** Nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
