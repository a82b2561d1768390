package cn.lantai.preservation.internal.inspection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.lantai.preservation.ScannerUnavailable;
import cn.lantai.preservation.VirusScan;

/**
 * The {@code clamscan} command: it loads its signature database at every start (seconds with the official one), so
 * many files go into one call through {@code --file-list}. Each file's verdict is read from its own
 * {@code <path>: <result>} line on stdout, matched by the path we gave, so names with spaces, colons or Chinese are
 * read right. A name the list cannot carry (a line break in it) is scanned alone through stdin. Exit code 1 means
 * something was found, 2 an error. Files above {@code maxFileSize} (ClamAV stops at 2 GiB) come back as
 * {@code Heuristics.Limits.Exceeded…} ({@code --alert-exceeds-max}), read as not scanned: never clean, never a virus.
 */
public final class Clamscan implements VirusScanner {

    private final String command;
    private final String database;
    private final String maxFileSize;
    private final Duration timeout;
    private volatile String engine;

    /**
     * @param command     the program, {@code clamscan} from the PATH or a full path
     * @param database    a signature directory or file for {@code --database}, blank for ClamAV's own
     * @param maxFileSize {@code --max-filesize} and {@code --max-scansize}, e.g. {@code 2000M}
     * @param timeout     how long one call may run before it is killed and answers no verdict
     */
    public Clamscan(String command, String database, String maxFileSize, Duration timeout) {
        this.command = command;
        this.database = database == null ? "" : database.strip();
        this.maxFileSize = maxFileSize;
        this.timeout = timeout;
    }

    /** Whether the command runs here; its version is kept as the engine's name. */
    public boolean installed() {
        if (engine == null) {
            try {
                Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
                process.getOutputStream().close();
                String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (process.waitFor() == 0 && version.startsWith("ClamAV")) {
                    engine = version;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return engine != null;
    }

    /** {@code ClamAV 1.4.6} (with the official database also its signature version). */
    public String engine() {
        if (!installed()) {
            throw new ScannerUnavailable(command + " does not run here (apt-get install clamav)");
        }
        return engine;
    }

    @Override
    public Map<Path, VirusScan> scan(List<Path> files) {
        String engine = engine();
        List<Path> listed = new ArrayList<>();
        Map<Path, VirusScan> verdicts = new LinkedHashMap<>();
        for (Path file : files) {
            if (listable(file)) {
                listed.add(file);
            } else {
                verdicts.put(file, scanThroughStdin(file, engine));
            }
        }
        if (!listed.isEmpty()) {
            verdicts.putAll(scanListed(listed, engine));
        }
        Map<Path, VirusScan> inOrder = new LinkedHashMap<>();
        files.forEach(file -> inOrder.put(file, verdicts.get(file)));
        return inOrder;
    }

    private static boolean listable(Path file) {
        String name = file.toString();
        return name.indexOf('\n') < 0 && name.indexOf('\r') < 0 && name.indexOf('\uFFFD') < 0;
    }

    private Map<Path, VirusScan> scanListed(List<Path> files, String engine) {
        Path list = null;
        try {
            list = Files.createTempFile("lantai-clamscan-", ".list");
            Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            List<String> lines = run(List.of("--file-list=" + list), null);
            return verdicts(files, lines, engine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(list);
        }
    }

    private VirusScan scanThroughStdin(Path file, String engine) {
        List<String> lines = run(List.of("-"), file);
        Map<Path, VirusScan> one = verdicts(List.of(Path.of("stdin")), lines, engine);
        return one.get(Path.of("stdin"));
    }

    /** Matches each line to the longest path it starts with, so a path that is a prefix of another is not taken. */
    static Map<Path, VirusScan> verdicts(List<Path> files, List<String> lines, String engine) {
        List<Path> longestFirst = files.stream()
                .sorted(Comparator.comparingInt((Path p) -> p.toString().length()).reversed()).toList();
        Map<Path, VirusScan> verdicts = new LinkedHashMap<>();
        for (String line : lines) {
            for (Path file : longestFirst) {
                String prefix = file + ": ";
                if (line.startsWith(prefix)) {
                    verdicts.put(file, verdict(file, line.substring(prefix.length()), engine));
                    break;
                }
            }
        }
        for (Path file : files) {
            if (!verdicts.containsKey(file)) {
                throw new ScannerUnavailable("clamscan gave no verdict on " + file.getFileName());
            }
        }
        return verdicts;
    }

    private static VirusScan verdict(Path file, String result, String engine) {
        VirusScan verdict = ClamResults.verdict(result, engine);
        if (verdict == null) {
            throw new ScannerUnavailable("clamscan gave no verdict on " + file.getFileName() + ": " + result);
        }
        return verdict;
    }

    /** Runs clamscan with the common options and the given ones; stdout's lines, or ScannerUnavailable on exit 2. */
    private List<String> run(List<String> options, Path stdin) {
        List<String> commandLine = new ArrayList<>(List.of(command, "--no-summary", "--stdout",
                "--max-filesize=" + maxFileSize, "--max-scansize=" + maxFileSize, "--alert-exceeds-max=yes"));
        if (!database.isEmpty()) {
            commandLine.add("--database=" + database);
        }
        commandLine.addAll(options);
        Path errors = null;
        try {
            errors = Files.createTempFile("lantai-clamscan-", ".err");
            ProcessBuilder builder = new ProcessBuilder(commandLine).redirectError(errors.toFile());
            builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                    : ProcessBuilder.Redirect.from(stdin.toFile()));
            Process process = builder.start();
            AtomicBoolean overran = killAfterTimeout(process);
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            }
            int exit = process.waitFor();
            if (overran.get()) {
                throw new ScannerUnavailable("clamscan ran longer than " + timeout + " and was stopped");
            }
            if (exit != 0 && exit != 1) {
                throw new ScannerUnavailable("clamscan failed (exit " + exit + "): " + lastLines(errors));
            }
            return lines;
        } catch (IOException e) {
            throw new ScannerUnavailable("clamscan does not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScannerUnavailable("interrupted while clamscan ran", e);
        } finally {
            deleteQuietly(errors);
        }
    }

    /** A hung scan must not hold an accession forever: the process is killed once the timeout passes. */
    private AtomicBoolean killAfterTimeout(Process process) {
        AtomicBoolean overran = new AtomicBoolean();
        process.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(timedOut -> {
            overran.set(true);
            process.destroyForcibly();
            return process;
        });
        return overran;
    }

    private static String lastLines(Path errors) throws IOException {
        List<String> lines = new String(Files.readAllBytes(errors), StandardCharsets.UTF_8).lines().toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed with the system's temp folder
            }
        }
    }
}
