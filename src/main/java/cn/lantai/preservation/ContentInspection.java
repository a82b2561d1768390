package cn.lantai.preservation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import cn.lantai.preservation.internal.inspection.Clamd;
import cn.lantai.preservation.internal.inspection.Clamscan;
import cn.lantai.preservation.internal.inspection.FormatIdentification;
import cn.lantai.preservation.internal.inspection.Quarantine;
import cn.lantai.preservation.internal.inspection.VirusScanner;

/**
 * Inspection of content before it is kept (DA/T 70 usability and security): the virus scan with ClamAV, the format
 * identified by content and opened, and the quarantine for what must never be stored. The daemon (clamd, over its
 * UNIX socket) is used when it answers, since it keeps its signatures loaded; else the {@code clamscan} command.
 * Nothing here consults a file's name to decide what it is.
 */
@Service
public class ContentInspection {

    private final Clamd clamd;
    private final Clamscan clamscan;
    private final FormatIdentification formats;
    private final Quarantine quarantine;

    @Autowired
    ContentInspection(@Value("${lantai.data-dir}") Path dataDir,
                      @Value("${lantai.clamav.socket:/var/run/clamav/clamd.ctl}") Path clamdSocket,
                      @Value("${lantai.clamav.clamscan:clamscan}") String clamscan,
                      @Value("${lantai.clamav.database:}") String database,
                      @Value("${lantai.clamav.max-file-size:2000M}") String maxFileSize,
                      @Value("${lantai.clamav.timeout:1h}") Duration timeout,
                      Environment environment) {
        this(new Clamd(clamdSocket, timeout), new Clamscan(clamscan, database, maxFileSize, timeout),
                new FormatIdentification(archivalFormats(environment)),
                new Quarantine(dataDir.resolve("quarantine"), Clock.systemDefaultZone()));
    }

    /** A YAML list is bound by the Binder; {@code @Value} sees only its indexed entries. */
    private static List<String> archivalFormats(Environment environment) {
        return Binder.get(environment).bind("lantai.preservation.archival-formats", Bindable.listOf(String.class))
                .orElseThrow(() -> new IllegalStateException("lantai.preservation.archival-formats is not set"));
    }

    /** For tests and tools that assemble the parts themselves. */
    public ContentInspection(Clamd clamd, Clamscan clamscan, FormatIdentification formats, Quarantine quarantine) {
        this.clamd = clamd;
        this.clamscan = clamscan;
        this.formats = formats;
        this.quarantine = quarantine;
    }

    /** Whether a virus scanner is usable here (clamd answers on its socket, or clamscan is installed). */
    public boolean scannerAvailable() {
        return clamd.answers() || clamscan.installed();
    }

    /**
     * Scans one file.
     *
     * @throws ScannerUnavailable when no scanner runs or it fails: the file must then not be stored
     */
    public VirusScan scan(Path file) {
        return scanAll(List.of(file)).values().iterator().next();
    }

    /**
     * Scans many files in one scanner call (clamscan loads its database once per call; clamd streams each), answering
     * in the order given, each file with its own verdict. A file clamd cuts off (beyond its StreamMaxLength) goes to
     * clamscan where it is installed; one beyond every scanner's limits is {@link VirusScan#notScanned not scanned},
     * which the caller must neither store as clean nor quarantine as a virus. Each must be a regular file (a link is
     * followed to it).
     *
     * @throws ScannerUnavailable when no scanner runs, or the scanner fails as a whole (clamd hangs past
     *                            {@code lantai.clamav.timeout}, clamscan's database is broken)
     */
    public Map<Path, VirusScan> scanAll(Collection<Path> files) {
        Map<Path, Path> real = new LinkedHashMap<>();
        for (Path file : files) {
            real.put(file, regularFile(file));
        }
        if (real.isEmpty()) {
            return Map.of();
        }
        Map<Path, VirusScan> verdicts = scan(real.values().stream().distinct().toList());
        Map<Path, VirusScan> answer = new LinkedHashMap<>();
        real.forEach((given, path) -> answer.put(given, verdicts.get(path)));
        return answer;
    }

    private Map<Path, VirusScan> scan(List<Path> files) {
        if (!clamd.answers()) {
            return clamscan().scan(files);
        }
        Map<Path, VirusScan> verdicts = new LinkedHashMap<>(clamd.scan(files));
        List<Path> cutOff = verdicts.entrySet().stream().filter(e -> e.getValue().notScanned()).map(Map.Entry::getKey)
                .toList();
        if (!cutOff.isEmpty() && clamscan.installed()) {
            verdicts.putAll(clamscan.scan(cutOff));
        }
        return verdicts;
    }

    /**
     * Identifies the format by content (never by name) and tries to open it; the report says whether it may be kept
     * as an archival record and, if not, why ({@link FormatReport#problem()}).
     */
    public FormatReport identify(Path file) {
        return formats.identify(regularFile(file));
    }

    /**
     * Moves an infected file out of the way, never to be stored: {@code <data-dir>/quarantine/<yyyy-MM-dd>/<uuid>-<name>}
     * with a {@code <same>.reason} text beside it, the folder 0700 where the file system allows. Returns the new path.
     */
    public Path quarantine(Path file, String reason) {
        return quarantine.hold(regularFile(file), reason);
    }

    private VirusScanner clamscan() {
        if (clamscan.installed()) {
            return clamscan;
        }
        throw new ScannerUnavailable("no virus scanner: clamd does not answer and clamscan is not installed");
    }

    /** The file's real path (links followed), if it is a regular file; a folder or a missing file is refused. */
    private static Path regularFile(Path file) {
        try {
            Path real = file.toRealPath();
            if (!Files.isRegularFile(real)) {
                throw new NoSuchFileException(real.toString(), null, "not a regular file");
            }
            return real;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
