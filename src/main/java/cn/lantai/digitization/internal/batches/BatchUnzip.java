package cn.lantai.digitization.internal.batches;

import cn.lantai.catalog.ZipEntryNames;
import cn.lantai.catalog.ZipInflation;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.BatchProblem.Code;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a batch's zip into its work folder entry by entry, through the catalogue's {@link ZipInflation} (real bytes
 * counted against the entry, total and ratio limits). An entry whose name leaves the folder (absolute, a drive,
 * {@code ..}) or is too long for the file system, a symbolic link (each judged by the catalogue's {@link
 * ZipEntryNames}, which also reads GBK names written without the UTF-8 flag), or a name seen twice is left out as
 * UNSAFE_PATH; one inflating past the entry or ratio limit is deleted and reported TOO_LARGE; an encrypted or corrupt
 * entry is UNREADABLE; the others go on. Only a file that is no zip, a zip past the entry count or the total refuses the batch.
 */
final class BatchUnzip {

    /** How far a batch may inflate and how many entries it may hold. */
    record Limits(ZipInflation.Limits inflation, int entries) {
    }

    private final Limits limits;

    BatchUnzip(Limits limits) {
        this.limits = limits;
    }

    /** Unpacks into {@code root} (made if missing); the problems of entries left out. */
    List<BatchProblem> unpack(Path zipFile, Path root) {
        List<BatchProblem> problems = new ArrayList<>();
        Path base = root.toAbsolutePath().normalize();
        ZipInflation inflation = new ZipInflation(limits.inflation());
        Set<String> seen = new HashSet<>();
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZipFile opened;
        try {
            opened = ZipFile.builder().setFile(zipFile.toFile()).get();
        } catch (IOException e) {
            throw new BatchFailure("not-zip");
        }
        try (ZipFile zip = opened) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            int count = 0;
            while (entries.hasMoreElements()) {
                if (++count > limits.entries()) {
                    throw new BatchFailure("too-many-entries", limits.entries());
                }
                entry(zip, entries.nextElement(), base, inflation, seen, problems);
            }
        } catch (ZipInflation.Exceeded e) {
            throw new BatchFailure("zip-bomb", limits.inflation().total() >> 20);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack into " + base, e);
        }
        return problems;
    }

    private static void entry(ZipFile zip, ZipArchiveEntry entry, Path base, ZipInflation inflation, Set<String> seen,
            List<BatchProblem> problems) throws IOException {
        ZipEntryNames.Judged judged = ZipEntryNames.judge(entry, base);
        String name = judged.name();
        if (!judged.safe()) {
            problems.add(switch (judged.refusal()) {
                case LEAVES_FOLDER -> problem(Code.UNSAFE_PATH, judged.raw(), "zip-outside");
                case TOO_LONG -> problem(Code.UNSAFE_PATH, judged.raw(), "zip-too-long");
                case LINK -> problem(Code.UNSAFE_PATH, name, "link");
            });
            return;
        }
        if (!seen.add(name)) {
            problems.add(problem(Code.UNSAFE_PATH, name, "zip-twice"));
            return;
        }
        Path target = base.resolve(name);
        for (Path p = target.getParent(); p != null && !p.equals(base); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(problem(Code.UNSAFE_PATH, name, "zip-file-for-folder"));
                return;
            }
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        if (entry.getGeneralPurposeBit().usesEncryption() || !zip.canReadEntryData(entry)) {
            problems.add(problem(Code.UNREADABLE, name, "zip-unsupported"));
            return;
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            inflation.inflate(zip, entry, out);
        } catch (ZipInflation.Exceeded e) {
            Files.deleteIfExists(target);
            if (e.excess() == ZipInflation.Excess.TOTAL) {
                throw e;
            }
            problems.add(problem(Code.TOO_LARGE, name, "zip-bomb-entry",
                    inflation.limits().entry() >> 20, inflation.limits().ratio()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            problems.add(problem(Code.UNREADABLE, name, "zip-damaged", e.getMessage()));
        }
    }

    private static BatchProblem problem(Code code, String file, String key, Object... args) {
        return BatchProblem.of(code, null, file, null, key, args);
    }
}
