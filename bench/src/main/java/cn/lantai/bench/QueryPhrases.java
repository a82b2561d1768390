package cn.lantai.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Query phrases (检索词) for the search load, drawn from the generated titles (题名) the way users search an archive:
 * one word of 2–6 Chinese characters as the Chinese analyser splits a title, or two adjacent words run together
 * (e.g. 安全生产, 社区道路改造). Words that occur in nearly every title (关于, the district name) are left out.
 */
final class QueryPhrases {

    private static final Pattern WORD = Pattern.compile("\\p{IsHan}{2,6}");
    private static final Set<String> TOO_COMMON = Set.of("关于", "临江", "临江区", "同志");

    /** Reservoir sample of strings (titles, 档号), fed row by row while a file is read anyway. */
    static final class Sample {
        private final List<String> values = new ArrayList<>();
        private final int size;
        private final Random rnd;
        private long seen;

        Sample(int size, long seed) {
            this.size = size;
            this.rnd = new Random(seed);
        }

        void offer(String value) {
            if (value == null || value.isBlank()) {
                return;
            }
            seen++;
            if (values.size() < size) {
                values.add(value);
            } else {
                long j = (long) (rnd.nextDouble() * seen);
                if (j < size) {
                    values.set((int) j, value);
                }
            }
        }

        List<String> values() {
            return values;
        }
    }

    private QueryPhrases() {
    }

    /** Up to {@code count} distinct phrases from the titles, deterministic for a seed. */
    static List<String> fromTitles(List<String> titles, int count, long seed) {
        Random rnd = new Random(seed);
        Set<String> phrases = new LinkedHashSet<>();
        try (Analyzer analyzer = new SmartChineseAnalyzer()) {
            for (int attempt = 0; attempt < count * 20 && phrases.size() < count && !titles.isEmpty(); attempt++) {
                List<String> words = words(analyzer, titles.get(rnd.nextInt(titles.size())));
                if (words.isEmpty()) {
                    continue;
                }
                int i = rnd.nextInt(words.size());
                String phrase = words.get(i);
                if (rnd.nextInt(10) < 4 && i + 1 < words.size()) {
                    phrase += words.get(i + 1);
                }
                phrases.add(phrase);
            }
        }
        return new ArrayList<>(phrases);
    }

    /** Reads titles from a generated CSV (sampling when large) and draws phrases from them. */
    static List<String> fromCsv(Path csv, int count, long seed) throws IOException {
        Sample sample = new Sample(Math.max(count * 2, 2000), seed);
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(skipBom(reader), csvFormat())) {
            for (CSVRecord r : parser) {
                sample.offer(r.get("题名"));
            }
        }
        return fromTitles(sample.values(), count, seed);
    }

    static CSVFormat csvFormat() {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    }

    /** Skips a UTF-8 byte-order mark at the start of a reader, if there is one. */
    static Reader skipBom(Reader reader) throws IOException {
        Reader r = reader.markSupported() ? reader : new java.io.BufferedReader(reader);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    private static List<String> words(Analyzer analyzer, String title) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("title", new StringReader(title))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (WORD.matcher(w).matches() && !TOO_COMMON.contains(w)) {
                    words.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return words;
    }
}
