package cn.lantai.preservation.internal.packages;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.PackageFormat;
import cn.lantai.preservation.StoredFile;
import cn.lantai.preservation.internal.store.DescriptionDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job that writes a package: walks the selection with the asker's sight (a record they may not read is never
 * packaged, whatever ids were asked for), writes the zip under {@code <packages dir>/<job id>/} as a part file and
 * moves it into place whole when done. After a restart the job starts its zip again from the first record: a zip
 * cannot be resumed in the middle, and the records may have changed meanwhile. An empty selection makes no package;
 * one whose files would not fit on the disk is refused before writing; each controlled record packaged is audited.
 */
@Component
public class PackageBuilder implements JobHandler {

    public static final String KIND = "package";
    private static final int BATCH = 200;
    private static final String ZIP = "package.zip";
    /** Room kept beyond the files themselves: the descriptions, PREMIS, manifests and the zip's own directory. */
    private static final long HEADROOM = 64L << 20;

    private final CatalogManagement catalog;
    private final ArchivalStore store;
    private final Jobs jobs;
    private final JsonMapper json;
    private final Path root;
    private final String sourceOrganization;
    private final AuditTrail trail;

    PackageBuilder(CatalogManagement catalog, ArchivalStore store, Jobs jobs, JsonMapper json, AuditTrail trail,
            @Value("${lantai.packages.dir:${lantai.data-dir}/packages}") Path root,
            @Value("${lantai.archive-name:}") String archiveName, @Value("${lantai.archive-code:}") String archiveCode) {
        this.catalog = catalog;
        this.store = store;
        this.jobs = jobs;
        this.json = json;
        this.trail = trail;
        this.root = root;
        this.sourceOrganization = (archiveName.isBlank() ? "" : archiveName + " ") + "(" + archiveCode + ")";
    }

    /** Records the job; it starts once the caller's transaction commits. */
    public JobId submit(PackageJob job) {
        return jobs.submit(KIND, json.writeValueAsString(job), job.reach().actor());
    }

    public PackageJob job(JobStatus status) {
        return json.readValue(status.params(), PackageJob.class);
    }

    /** The folder every package job writes under ({@code lantai.packages.dir}). */
    Path root() {
        return root;
    }

    /** Where the finished package of this job lies (it exists once the job succeeded). */
    public Path zip(JobId id) {
        return root.resolve(id.value()).resolve(ZIP);
    }

    /** The package's file name for a download: {@code 保存包-BagIt-20261130.zip}. */
    public static String fileName(PackageFormat format, Instant created) {
        return "保存包-" + (format == PackageFormat.BAGIT ? "BagIt" : "E-ARK") + "-"
                + LocalDate.ofInstant(created, ZoneId.systemDefault()).format(DateTimeFormatter.BASIC_ISO_DATE)
                + ".zip";
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobStatus status) {
        PackageJob job = job(status);
        Viewer reader = job.reach().viewer();
        Path dir = root.resolve(status.id().value());
        Path work = dir.resolve("work");
        long total = catalog.list(job.selection(), reader, 0, 1).total();
        if (total == 0) {
            throw new NothingToPackage();
        }
        long[] done = {0};
        try {
            clear(dir);
            Files.createDirectories(work);
            requireRoom(dir, job.selection(), reader);
            Path part = dir.resolve(ZIP + ".part");
            String name = "lantai-" + job.format().name().toLowerCase(Locale.ROOT) + "-"
                    + status.id().value().substring(0, 8);
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
                    ZipOutputStream zip = new ZipOutputStream(file);
                    PackageWriter writer = writer(job.format(), new ZipParts(zip, store), name, work)) {
                jobs.progress(status.id(), "packaging", 0, total, 0, 0);
                catalog.forEachItem(job.selection(), reader, BATCH, batch -> {
                    List<AuditEvent> controlled = new ArrayList<>();
                    for (Item item : batch) {
                        add(writer, item);
                        if (Viewer.controlled(item.description().classification(), item.description().openStatus())) {
                            controlled.add(packaged(item, job.reach(), status.id()));
                        }
                        done[0]++;
                    }
                    trail.recordAll(controlled);
                    jobs.progress(status.id(), "packaging", done[0], total, done[0], 0);
                });
                writer.finish();
            }
            Files.move(part, zip(status.id()), StandardCopyOption.ATOMIC_MOVE);
            clear(work);
            jobs.succeed(status.id(), done[0], done[0], done[0], 0, null);
        } catch (IOException e) {
            clear(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            clear(dir);
            throw e;
        }
    }

    private PackageWriter writer(PackageFormat format, ZipParts parts, String name, Path work) throws IOException {
        return format == PackageFormat.BAGIT ? new BagWriter(parts, name, work, sourceOrganization)
                : new EarkWriter(parts, name, work, sourceOrganization);
    }

    /**
     * A controlled record (classified or not open) copied into a package is a read of it, audited as a download of
     * one of its files is: the record and the package, never what the record says.
     */
    private static AuditEvent packaged(Item item, PackageJob.Reach reach, JobId job) {
        return new AuditEvent(reach.actor(), reach.address(), "preservation.package-record",
                "item:" + item.id().value() + " " + item.archivalCode(), null, "package:" + job.value());
    }

    /** Refuses before writing when the disk lacks room for the selection's files (the zip stores them as they are). */
    private void requireRoom(Path dir, ItemFilter selection, Viewer reader) throws IOException {
        long[] needed = {HEADROOM};
        catalog.forEachItem(selection, reader, BATCH, batch -> {
            for (Item item : batch) {
                for (StoredFile file : store.files(item.id())) {
                    needed[0] = saturatedAdd(needed[0], file.size());
                }
            }
        });
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (usable < needed[0]) {
            throw new PackageNoRoom(needed[0], usable);
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }

    private void add(PackageWriter writer, Item item) {
        try {
            writer.add(new PackagedRecord(item, PackagedRecord.folderOf(item), store.files(item.id()),
                    store.descriptionJson(item.id()).orElseGet(() -> DescriptionDocument.of(item)),
                    store.premisXml(item.id())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
