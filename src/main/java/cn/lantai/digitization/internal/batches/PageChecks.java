package cn.lantai.digitization.internal.batches;

import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.BatchProblem.Code;
import cn.lantai.digitization.internal.images.PageAnalysis;
import cn.lantai.digitization.internal.images.PageImages;
import cn.lantai.digitization.internal.images.PageInfo;
import cn.lantai.digitization.internal.images.UnreadablePage;
import cn.lantai.preservation.Digests;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks of one 档号's files, with the batch's thresholds: how its files are named (one way only, no page twice,
 * no gap), each file's size, readability and digest, each page's stated resolution, blankness and skew, and the
 * count of pages against the entry's 页数. A good page gives no problem.
 */
final class PageChecks {

    /** The side, in pixels, pages are decoded at for the blank and skew looks. */
    static final int LOOK_SIDE = PageAnalysis.WORKING_SIDE;

    /**
     * One page found: its file, its index in that file, what the file says of it, the file's SHA-256 and the copy
     * that was hashed and read ({@code source}), which is the one stored.
     */
    record CheckedPage(BatchFile file, PageInfo info, String sha256, Path source) {
    }

    /** An entry's pages in order and the problems found. */
    record Checked(List<CheckedPage> pages, List<BatchProblem> problems) {

        boolean blocked() {
            return problems.stream().anyMatch(p -> p.code().blocking());
        }
    }

    private final long maxFileBytes;
    private final Path staging;
    private int staged;

    /**
     * @param staging where the files of a batch read in place (the inbox) are copied before anything reads them, so
     *                what is checked, hashed and stored is one copy the server alone writes; {@code null} for files
     *                already in the batch's own work folder
     */
    PageChecks(long maxFileBytes, Path staging) {
        this.maxFileBytes = maxFileBytes;
        this.staging = staging;
    }

    Checked check(Path root, String code, List<BatchFile> files, BatchOptions options, Integer expectedPages) {
        List<BatchProblem> problems = new ArrayList<>();
        List<CheckedPage> pages = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(BatchProblem.of(Code.NO_IMAGES, code, code, null, "empty-folder"));
            return new Checked(pages, problems);
        }
        List<BatchFile> ordered = naming(code, files, problems);
        for (BatchFile file : ordered) {
            checkFile(root, code, file, options, pages, problems);
        }
        // a count is only compared once the pages are all there and readable: a gap or a damaged file is its own cause
        boolean blocked = problems.stream().anyMatch(p -> p.code().blocking());
        if (expectedPages != null && !blocked && pages.size() != expectedPages) {
            problems.add(BatchProblem.of(Code.PAGE_COUNT_MISMATCH, code, null, null,
                    "page-count", pages.size(), expectedPages));
        }
        return new Checked(pages, problems);
    }

    /** The files in page order; one naming per 档号, each page number once, no gap from 1. */
    private static List<BatchFile> naming(String code, List<BatchFile> files, List<BatchProblem> problems) {
        Set<String> sources = new LinkedHashSet<>();
        for (BatchFile f : files) {
            sources.add(f.whole() ? "file " + f.file() : "pages in " + parent(f.file()));
        }
        if (sources.size() > 1) {
            problems.add(BatchProblem.of(Code.DUPLICATE_CODE, code, String.join("; ", sources.stream()
                    .map(s -> s.replaceFirst("^(file|pages in) ", "")).toList()), null, "code-twice", sources.size()));
            return List.of();
        }
        if (files.get(0).whole()) {
            return files;
        }
        TreeMap<Integer, BatchFile> byNumber = new TreeMap<>();
        for (BatchFile f : files.stream().sorted(Comparator.comparing(BatchFile::file)).toList()) {
            BatchFile before = byNumber.putIfAbsent(f.number(), f);
            if (before != null) {
                problems.add(BatchProblem.of(Code.DUPLICATE_CODE, code, f.file(), f.number(),
                        "page-twice", f.number(), before.file(), f.file()));
            }
        }
        int last = byNumber.lastKey();
        for (int n = 1; n < last; n++) {
            if (!byNumber.containsKey(n)) {
                problems.add(BatchProblem.of(Code.PAGE_GAP, code, null, n, "page-missing", n));
            }
        }
        return List.copyOf(byNumber.values());
    }

    private void checkFile(Path root, String code, BatchFile file, BatchOptions options, List<CheckedPage> pages,
            List<BatchProblem> problems) {
        Path path = root.resolve(file.file());
        Integer number = file.whole() ? null : file.number();
        if (BatchNaming.isLink(path)) {
            problems.add(BatchProblem.of(Code.UNSAFE_PATH, code, file.file(), number, "link-not-read"));
            return;
        }
        long size = size(path);
        if (size > maxFileBytes) {
            problems.add(BatchProblem.of(Code.TOO_LARGE, code, file.file(), number,
                    "file-too-large", size, maxFileBytes));
            return;
        }
        Path read;
        String sha256;
        try {
            Staged copy = stage(path);
            read = copy.path();
            sha256 = copy.sha256();
        } catch (FileSystemLoopException e) {
            // swapped for a symbolic link since it was looked at: never followed
            problems.add(BatchProblem.of(Code.UNSAFE_PATH, code, file.file(), number, "link-not-read"));
            return;
        } catch (Oversized e) {
            problems.add(BatchProblem.of(Code.TOO_LARGE, code, file.file(), number,
                    "file-grew", maxFileBytes));
            return;
        }
        List<PageInfo> infos;
        try {
            infos = PageImages.probe(read);
            if (infos.isEmpty()) {
                throw new UnreadablePage(file.file() + ": holds no page");
            }
        } catch (UnreadablePage e) {
            problems.add(unreadable(code, file.file(), number, e));
            return;
        }
        for (PageInfo info : infos) {
            // the page's own place in its file: a page held back before it must not shift the numbers after it
            Integer page = file.whole() ? Integer.valueOf(info.index() + 1) : number;
            int before = problems.size();
            BufferedImage look;
            try {
                look = PageImages.decode(read, info.index(), LOOK_SIDE);
            } catch (UnreadablePage | OutOfMemoryError e) {
                problems.add(unreadable(code, file.file(), page, e));
                continue;
            }
            int dpi = Math.min(info.dpiX(), info.dpiY());
            if (dpi <= 0) {
                problems.add(BatchProblem.of(Code.LOW_RESOLUTION, code, file.file(), page,
                        "no-dpi"));
            } else if (dpi < options.requiredDpi()) {
                problems.add(BatchProblem.of(Code.LOW_RESOLUTION, code, file.file(), page,
                        "low-dpi", dpi, options.requiredDpi()));
            }
            PageAnalysis.Measures measures = PageAnalysis.measure(look);
            if (options.blankCheck() && measures.blank()) {
                problems.add(BatchProblem.of(Code.BLANK_PAGE, code, file.file(), page, "blank",
                        String.format(Locale.ROOT, "%.3f", measures.ink().ratio() * 100)));
            } else if (!options.deskew()) {
                double skew = measures.skew();
                if (Math.abs(skew) > options.maxSkew()) {
                    problems.add(BatchProblem.of(Code.SKEWED, code, file.file(), page, "skewed",
                            String.format(Locale.ROOT, "%.1f", skew), String.format(Locale.ROOT, "%.1f",
                            options.maxSkew())));
                }
            }
            if (problems.size() == before || problems.subList(before, problems.size()).stream()
                    .noneMatch(p -> p.code().blocking())) {
                pages.add(new CheckedPage(file, info, sha256, read));
            }
        }
    }

    private static BatchProblem unreadable(String code, String file, Integer page, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Code kind = message.contains("claims") || e instanceof OutOfMemoryError ? Code.TOO_LARGE : Code.UNREADABLE;
        return BatchProblem.of(kind, code, file, page, kind == Code.TOO_LARGE ? "too-many-pixels" : "unreadable",
                message);
    }

    private record Staged(Path path, String sha256) {
    }

    /** A file that grew past the limit while it was copied. */
    private static final class Oversized extends RuntimeException {
    }

    /**
     * Reads the file once, through an open that does not follow a symbolic link (a link put in its place since it was
     * looked at fails with {@link FileSystemLoopException}), hashing it and, for a batch read in place, copying it into
     * the staging folder under its own name; everything after reads that copy, and the store is given it.
     */
    private Staged stage(Path path) throws FileSystemLoopException {
        Path copy = null;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            OutputStream out = OutputStream.nullOutputStream();
            if (staging != null) {
                copy = staging.resolve(Integer.toString(++staged)).resolve(path.getFileName().toString());
                Files.createDirectories(copy.getParent());
                out = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            Digests.Both digest = new Digests.Both();
            try (OutputStream target = out) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    if (digest.size() > maxFileBytes) {
                        throw new Oversized();
                    }
                    target.write(buffer, 0, n);
                }
            }
            return new Staged(copy != null ? copy : path, digest.digests().sha256());
        } catch (FileSystemLoopException e) {
            throw e;
        } catch (IOException e) {
            if (Files.isSymbolicLink(path) || String.valueOf(e.getMessage()).contains("symbolic link")) {
                throw new FileSystemLoopException(path.toString());
            }
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String parent(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "(batch folder)" : file.substring(0, slash);
    }
}
