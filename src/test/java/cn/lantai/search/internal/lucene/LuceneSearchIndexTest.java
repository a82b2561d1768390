package cn.lantai.search.internal.lucene;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import cn.lantai.search.SearchIndex;
import cn.lantai.search.SearchIndexContract;

/** The search contract against the embedded Lucene engine, a fresh index directory per test. */
class LuceneSearchIndexTest extends SearchIndexContract {

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
}
