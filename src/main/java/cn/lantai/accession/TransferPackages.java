package cn.lantai.accession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.TransferPackage.PackageRecord;
import cn.lantai.accession.TransferPackage.PayloadFile;
import cn.lantai.accession.internal.BagReader;
import cn.lantai.accession.internal.Finding;
import cn.lantai.accession.internal.SafeUnzip;
import cn.lantai.accession.internal.WorkFolders;
import cn.lantai.catalog.CatalogSheets;
import cn.lantai.catalog.CatalogSheets.UnreadableSheet;
import cn.lantai.catalog.ZipInflation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Opens units' transfer packages: a zipped BagIt 1.0 bag whose payload holds the catalogue sheet
 * ({@code data/catalogue.xlsx} or {@code data/catalogue.csv}, the catalogue's columns plus {@code 文件}: the record's
 * files, {@code ;}-separated, relative to {@code data/}) and the files. Unpacking is safe against hostile zips (see
 * {@link SafeUnzip}); limits are {@code lantai.accession.max-entry-size}, {@code max-ratio}, {@code max-package-size},
 * {@code max-entries} and {@code max-records}.
 */
@Service
public class TransferPackages {

    /** The column of the catalogue sheet that lists a record's files. */
    public static final String FILES_COLUMN = "文件";
    private static final List<String> CATALOGUE_NAMES = List.of("catalogue.xlsx", "catalogue.csv");

    private final SafeUnzip unzip;
    private final CatalogSheets sheets;
    private final MessageSource messages;
    private final int maxRecords;

    TransferPackages(CatalogSheets sheets, MessageSource messages,
            @Value("${lantai.accession.max-entry-size:4GB}") DataSize maxEntrySize,
            @Value("${lantai.accession.max-ratio:100}") long maxRatio,
            @Value("${lantai.accession.max-package-size:20GB}") DataSize maxPackageSize,
            @Value("${lantai.accession.max-entries:1000000}") int maxEntries,
            @Value("${lantai.accession.max-records:1000000}") int maxRecords) {
        this.sheets = sheets;
        this.messages = messages;
        this.maxRecords = maxRecords;
        this.unzip = new SafeUnzip(new SafeUnzip.Limits(new ZipInflation.Limits(maxEntrySize.toBytes(),
                maxPackageSize.toBytes(), maxRatio, 1L << 20), maxEntries));
    }

    /**
     * Unpacks the package into {@code workDir} (which must not exist or be empty) and reads its bag and catalogue.
     * What the unpacking found wrong is in {@link TransferPackage#unpacking()}; the caller {@link #discard}s the
     * package when done with it.
     *
     * @throws PackageRefused when the package cannot be checked at all (not a zip, empty, past the total size); the
     *                        work folder is removed
     */
    public TransferPackage open(Path zip, Path workDir) {
        requireEmpty(workDir);
        SafeUnzip.Unpacked unpacked = unzip.unpack(zip, workDir);
        try {
            Path root = BagReader.root(workDir.toAbsolutePath().normalize());
            String prefix = workDir.toAbsolutePath().normalize().relativize(root).toString();
            String payloadPrefix = (prefix.isEmpty() ? "" : prefix + "/") + "data/";
            BagReader.Bag bag = new BagReader(BagReader.TAG_FILE_LIMIT).read(root);
            List<Finding> findings = new ArrayList<>();
            unpacked.findings().forEach(f -> findings.add(inPayload(f, payloadPrefix)));
            findings.addAll(bag.findings());
            List<PayloadFile> files = payload(root.resolve("data"));
            String catalogue = CATALOGUE_NAMES.stream().filter(n -> files.stream().anyMatch(f -> f.name().equals(n)))
                    .findFirst().orElse(null);
            List<PackageRecord> records = catalogue == null ? List.of() : records(root.resolve("data")
                    .resolve(catalogue), catalogue, findings);
            if (catalogue == null) {
                findings.add(Finding.fail(Property.INTEGRITY, "INTEG-CATALOGUE", null, null,
                        "accession.check.no-catalogue"));
            }
            List<String> withheld = unpacked.withheld().stream().filter(n -> n.startsWith(payloadPrefix))
                    .map(n -> n.substring(payloadPrefix.length())).toList();
            return new TransferPackage(workDir, root, bag.info(), bag.manifests(), bag.tagManifests(), catalogue,
                    records, files, withheld, findings.stream().map(f -> f.toCheck(messages)).toList());
        } catch (IOException | RuntimeException e) {
            WorkFolders.remove(workDir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Removes the package's work folder and all it unpacked, once the package is done with (received or not). */
    public void discard(TransferPackage pkg) {
        WorkFolders.remove(pkg.workDir());
    }

    private static void requireEmpty(Path workDir) {
        try (Stream<Path> in = Files.isDirectory(workDir) ? Files.list(workDir) : Stream.empty()) {
            if (Files.exists(workDir) && (!Files.isDirectory(workDir) || in.findAny().isPresent())) {
                throw new IllegalArgumentException("work folder is not empty: " + workDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finding of the unpacking names its file as the report does: relative to the payload, when it lies in it. */
    private static Finding inPayload(Finding f, String payloadPrefix) {
        String file = f.file() != null && f.file().startsWith(payloadPrefix) ? f.file().substring(payloadPrefix
                .length()) : f.file();
        return new Finding(f.property(), f.code(), f.result(), f.record(), file, f.reason(), f.args());
    }

    private static List<PayloadFile> payload(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).sorted().map(p -> new PayloadFile(data.relativize(p).toString()
                    .replace('\\', '/'), size(p), p)).toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<PackageRecord> records(Path sheet, String name, List<Finding> findings) {
        try {
            return sheets.read(sheet, name, maxRecords).rows().stream().map(row -> new PackageRecord(row.number(),
                    row.entry(), files(row.otherColumns()))).toList();
        } catch (UnreadableSheet e) {
            findings.add(Finding.fail(Property.USABILITY, "USE-CATALOGUE", null, name, e.code(), e.args()));
            return List.of();
        }
    }

    private static List<String> files(Map<String, String> otherColumns) {
        String listed = otherColumns.get(FILES_COLUMN);
        if (listed == null) {
            return List.of();
        }
        return Arrays.stream(listed.split("[;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
