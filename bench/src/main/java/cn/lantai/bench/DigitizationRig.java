package cn.lantai.bench;

import cn.lantai.LantaiApplication;
import cn.lantai.catalog.CatalogImports;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.ImportOptions;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.ScanBatch;
import cn.lantai.digitization.ScanBatches;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the digitization benchmarks do to Lantai, through its own services in the harness's JVM: start it on a fresh
 * data directory (its web server on a free port), catalogue entries through the catalogue import (the generator's
 * rows), and run a scan batch of an inbox folder as a digitizer would, waiting for its job.
 */
final class DigitizationRig {

    /** The scan batches' submitter: a digitizer (DIGITIZE) who sees every record. */
    static final Viewer DIGITIZER = Viewer.staff("bench-digitizer", Classification.TOP_SECRET, true);

    private DigitizationRig() {
    }

    /** Lantai on {@code data} with its inbox at {@code inbox}; the administrator {@code admin} has {@code password}. */
    static ConfigurableApplicationContext start(Path data, Path inbox, String password) {
        return new SpringApplicationBuilder(LantaiApplication.class).run("--server.port=0",
                "--lantai.data-dir=" + data, "--lantai.digitization.inbox=" + inbox, "--lantai.fixity.schedule=-",
                "--logging.level.root=warn", "--lantai.admin-password=" + password,
                "--lantai.security.evaluation-admin=true",
                "--lantai.secadmin-password=Bench-secadmin-" + System.nanoTime(),
                "--lantai.auditor-password=Bench-auditor-" + System.nanoTime(),
                "--lantai.audit.key-file=" + data.resolve("keys/sm2-key.pem"));
    }

    /**
     * Catalogues the generator's first {@code rows} rows (category WS) through the catalogue import, each row changed
     * by {@code change} (its 页数, or its fonds), and answers their 档号 in order. The rows' fonds and the category are
     * registered first where they are not, as an archivist would.
     */
    static List<String> catalogue(ApplicationContext lantai, int rows, Path csv, UnaryOperator<String[]> change)
            throws Exception {
        CatalogueGenerator generator = new CatalogueGenerator(new CatalogueGenerator.Options(rows, false));
        List<String> codes = new ArrayList<>();
        Set<String> fonds = new java.util.TreeSet<>();
        Files.createDirectories(csv.getParent());
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 20);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
            out.printRecord(generator.headers());
            generator.generate(cells -> {
                String[] changed = change.apply(cells);
                codes.add(changed[CatalogueGenerator.CODE]);
                fonds.add(changed[CatalogueGenerator.FONDS]);
                out.printRecord((Object[]) changed);
            });
        }
        CatalogManagement catalog = lantai.getBean(CatalogManagement.class);
        Set<String> known = new java.util.HashSet<>();
        catalog.fonds().forEach(f -> known.add(f.code()));
        for (String code : fonds) {
            if (!known.contains(code)) {
                catalog.registerFonds(new Fonds(code, "临江区全宗" + code), Viewer.system());
            }
        }
        if (catalog.categories().stream().noneMatch(c -> c.code().equals("WS"))) {
            catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        }
        CatalogImports imports = lantai.getBean(CatalogImports.class);
        Path upload;
        try (InputStream in = Files.newInputStream(csv)) {
            upload = imports.receive(in);
        }
        JobId job = imports.start(upload, csv.getFileName().toString(),
                new ImportOptions(ImportOptions.Mode.ALL_OR_NOTHING, ImportOptions.OnExisting.REJECT, null, null, null),
                Viewer.system());
        JobStatus done = await(lantai.getBean(Jobs.class), job, Duration.ofMinutes(30));
        if (done.state() != JobState.SUCCEEDED || done.accepted() != rows) {
            throw new IllegalStateException("the catalogue import ended " + done.state() + " with " + done.accepted()
                    + " of " + rows + " rows: " + done.message());
        }
        return codes;
    }

    /** Submits the inbox folder {@code path} as one scan batch of the digitizer; answers the batch as submitted. */
    static ScanBatch submit(ApplicationContext lantai, String path, BatchOptions options) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                DIGITIZER.name(), null, List.of(new SimpleGrantedAuthority("DIGITIZE"))));
        try {
            return lantai.getBean(ScanBatches.class).submitInbox(path, options, DIGITIZER);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Waits for the job's end, polling every 20 ms. */
    static JobStatus await(Jobs jobs, JobId id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JobStatus job = jobs.status(id);
        while (job.finishedAt() == null) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("job " + id.value() + " did not end within " + timeout);
            }
            Thread.sleep(20);
            job = jobs.status(id);
        }
        return job;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
