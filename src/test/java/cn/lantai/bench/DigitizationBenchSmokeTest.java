package cn.lantai.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.ScanBatch;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.batches.BatchFolders;
import cn.lantai.digitization.internal.iiif.Pyramid;
import cn.lantai.digitization.internal.iiif.Pyramids;
import cn.lantai.jobs.JobState;
import cn.lantai.support.Catalogues;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The digitization benchmarks (bench/, {@link AttachBench} and {@link TileBench}) at a tiny size in the shared test
 * application: the generated pages are distinct JPEGs named as DA/T 31 names them, the attach run catalogues its
 * entries, walks and hashes the folder and attaches every page through one scan batch, the tile requests the tile
 * bench makes are ones Lantai answers and the floor serves, and both reports have their rows. Nothing is timed
 * against a threshold.
 */
@LantaiTest
class DigitizationBenchSmokeTest {

    @Autowired ApplicationContext lantai;
    @Autowired BatchFolders folders;
    @Autowired ScannedPages pages;
    @Autowired Pyramids pyramids;
    @Autowired MockMvc mvc;

    @TempDir
    Path dir;

    @Test
    void pagesOfTheCorpusAreDistinctJpegsWithTheirOwnCommentAndNamedByArchivalCode() throws Exception {
        List<byte[]> bases = PageCorpus.basePages(2, 200, 280, 300, dir);
        byte[] a = PageCorpus.withComment(bases.get(0), "0001-WS·2019-Y-BGS-0001 page 1");
        byte[] b = PageCorpus.withComment(bases.get(0), "0001-WS·2019-Y-BGS-0001 page 2");
        assertThat(a).isNotEqualTo(b).startsWith((byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xfe);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(a)).getWidth()).isEqualTo(200);

        long bytes = PageCorpus.writeInbox(dir.resolve("batch"), List.of("0001-WS·2019-Y-BGS-0001",
                "0001-WS·2019-Y-BGS-0002"), 3, bases, 2);
        assertThat(dir.resolve("batch/0001-WS·2019-Y-BGS-0002/0003.jpg")).isRegularFile();
        assertThat(AttachBench.walkAndHash(dir.resolve("batch"), 2)).isEqualTo(6);
        assertThat(bytes).isGreaterThan(6L * bases.get(0).length / 2);
    }

    @Test
    void aTinyAttachRunAttachesEveryPageAndTheTileRequestsAreAnsweredOnBothSides() throws Exception {
        AttachBench.Figures f = AttachBench.run(lantai, dir, folders.inbox(), Catalogues.freshFonds(), 3, 2, 600,
                840, 200, false);

        assertThat(f.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(f.files()).isEqualTo(6);
        assertThat(f.attached()).isEqualTo(3);
        assertThat(f.problems()).isZero();
        assertThat(f.scanPages()).as("every page is in scan_page").isEqualTo(6);
        assertThat(f.lantai()).isPositive();
        assertThat(f.floorWalk()).isPositive();
        assertThat(AttachBench.section(f, "bench/digitization attach --entries 3")).contains(
                "Attach the whole folder vs walk + SHA-256", "bench/digitization attach --entries 3", "6 rows in");

        // the tile bench's requests, on a page of that run: Lantai answers each, the floor serves the same tiles
        ScanBatch.Report report = lastBatch();
        ScanPage page = pages.page(new ItemId(report.entries().get(0).itemId()), 1).orElseThrow();
        Pyramid pyramid = pyramids.of(page);
        List<List<TileBench.Tile>> levels = TileBench.tiles(page.imageId(), page.width(), page.height(),
                Pyramid.TILE, pyramid.scaleFactors());
        assertThat(levels).hasSize(pyramid.scaleFactors().size());
        for (List<TileBench.Tile> level : levels) {
            for (TileBench.Tile t : level) {
                mvc.perform(get(t.iiif()).with(Staff.archivist())).andExpect(status().isOk());
                assertThat(pyramids.dirOf(page).resolve(t.floor().substring("/tiles/".length()))).isRegularFile();
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        HttpServer server = TileBench.floorServer(pyramids.dirOf(page), threads);
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            TileBench.Load floor = TileBench.load("floor", 2, Duration.ZERO, Duration.ofSeconds(3), levels,
                    t -> HttpRequest.newBuilder(base.resolve(t.floor())).GET().build());
            assertThat(floor.requests()).isPositive();
            assertThat(floor.errors()).isZero();
            assertThat(floor.percentile(95)).isGreaterThanOrEqualTo(floor.percentile(50));
            String section = TileBench.section(new TileBench.Figures(page.width(), page.height(), page.dpiX(),
                    Files.size(dir.resolve("entries.csv")), Pyramid.TILE, pyramid.scaleFactors(), 1, 0.1, 0.1, 0.1, 1,
                    1, 1, floor, floor, "0", "0"), "bench/digitization tile");
            assertThat(section).contains("| floor |", "p95", "bench/digitization tile");
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private ScanBatch.Report lastBatch() {
        cn.lantai.digitization.ScanBatches batches = lantai.getBean(cn.lantai.digitization.ScanBatches.class);
        ScanBatch newest = batches.batches(DigitizationRig.DIGITIZER).get(0);
        return batches.report(newest.id(), DigitizationRig.DIGITIZER);
    }
}
