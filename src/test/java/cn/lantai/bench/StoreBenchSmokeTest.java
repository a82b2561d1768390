package cn.lantai.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The store benchmark (bench/, {@link StoreBench}) at a tiny size in the shared test application: the corpus is what it
 * says, both sides of ingest and fixity run, and the report has every row. Nothing is timed against a threshold.
 */
@LantaiTest
class StoreBenchSmokeTest {

    @Autowired ApplicationContext lantai;
    @Autowired CatalogManagement catalog;

    @TempDir
    Path dir;

    @Test
    void aSmallStoreRunMeasuresIngestAndFixityOnBothSidesAndReportsEveryRatio() throws Exception {
        List<StoreCorpus.CorpusRecord> corpus = StoreCorpus.write(new StoreCorpus.Options(4, 3, 20 * 1024, 42),
                dir.resolve("corpus"));
        assertThat(StoreCorpus.files(corpus)).isEqualTo(12);
        for (StoreCorpus.CorpusRecord r : corpus) {
            for (StoreCorpus.CorpusFile f : r.files()) {
                assertThat(Files.size(f.path())).isEqualTo(f.size()).isBetween(64L, 2L << 20);
            }
        }
        assertThat(StoreCorpus.write(new StoreCorpus.Options(4, 3, 20 * 1024, 42), dir.resolve("again")))
                .as("the same seed gives the same files").extracting(r -> r.files().stream()
                        .map(StoreCorpus.CorpusFile::size).toList())
                .isEqualTo(corpus.stream().map(r -> r.files().stream().map(StoreCorpus.CorpusFile::size).toList())
                        .toList());

        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "基准测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            items.add(catalog.create(Entries.item(fonds, 2024, "基准测试 " + i).input(), Viewer.system()));
        }

        StoreBench.Figures figures = StoreBench.measure(lantai, items, corpus, dir);

        assertThat(figures.files()).isEqualTo(12);
        assertThat(figures.auditedFiles()).isGreaterThanOrEqualTo(12 + 2 * 4);
        assertThat(figures.lantaiIngest()).isPositive();
        assertThat(figures.floorAudit()).isPositive();
        String section = StoreBench.section(figures, "bench/store --records 4");
        assertThat(section).contains("Ingest: `ArchivalStore.deposit`", "Fixity audit", "SM3 alone", "SHA-256 alone",
                "bench/store --records 4");
    }
}
