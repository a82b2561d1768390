package cn.lantai.search.internal.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class WordsOrRunQueryTest {

    @Test
    void findsWhatTheWordsOrTheRunFindAndScoresTheRunOnlyWhereTheWordsMiss() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                writer.addDocument(doc("both", "x", "a b"));
                writer.addDocument(doc("run only", null, "c a b"));
                writer.addDocument(doc("words only", "x", "b c a"));
                writer.addDocument(doc("run out of order", null, "b a"));
                writer.addDocument(doc("neither", "y", "c"));
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                Query words = new TermQuery(new Term("words", "x"));
                Query query = new BoostQuery(new WordsOrRunQuery(words, new PhraseQuery("run", "a", "b"), 0.5f), 2f);

                Map<String, Float> found = new HashMap<>();
                for (ScoreDoc sd : searcher.search(query, 10).scoreDocs) {
                    found.put(searcher.storedFields().document(sd.doc).get("name"), sd.score);
                }
                float wordsScore = searcher.search(new BoostQuery(words, 2f), 1).scoreDocs[0].score;

                assertThat(found).containsOnlyKeys("both", "run only", "words only");
                assertThat(found.get("both")).isEqualTo(wordsScore);
                assertThat(found.get("words only")).isEqualTo(wordsScore);
                assertThat(found.get("run only")).isEqualTo(1f);
                assertThat(searcher.count(query)).isEqualTo(3);
                assertThat(searcher.explain(query, 1).getValue().floatValue()).isEqualTo(1f);
                assertThat(searcher.explain(query, 3).isMatch()).isFalse();
            }
        }
    }

    @Test
    void aSegmentWithoutTheWordsOrWithoutTheRunStillAnswersFromTheOther() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer())
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
                writer.addDocument(doc("run only", null, "a b"));
                writer.addDocument(doc("neither", "y", "b a"));
                writer.commit(); // a segment without the words
                writer.addDocument(doc("words only", "x", "c"));
                writer.addDocument(doc("neither either", "y", "c"));
                writer.commit(); // a segment without the run
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSize(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                Query query = new WordsOrRunQuery(new TermQuery(new Term("words", "x")),
                        new PhraseQuery("run", "a", "b"), 0.5f);

                assertThat(names(searcher, query)).containsExactlyInAnyOrder("run only", "words only");
                assertThat(searcher.count(query)).isEqualTo(2);
            }
        }
    }

    private static List<String> names(IndexSearcher searcher, Query query) throws IOException {
        List<String> names = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, 10).scoreDocs) {
            names.add(searcher.storedFields().document(sd.doc).get("name"));
        }
        return names;
    }

    private static Document doc(String name, String words, String run) {
        Document doc = new Document();
        doc.add(new StringField("name", name, Field.Store.YES));
        if (words != null) {
            doc.add(new StringField("words", words, Field.Store.NO));
        }
        doc.add(new TextField("run", run, Field.Store.NO));
        return doc;
    }
}
