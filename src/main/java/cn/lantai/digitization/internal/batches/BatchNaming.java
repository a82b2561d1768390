package cn.lantai.digitization.internal.batches;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.BatchProblem.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups a batch's files by 档号 as DA/T 31 names them: a folder per 档号 holding {@code 0001.jpg …}; files
 * {@code 档号-0001.jpg}; or one multi-page file named by the 档号. A 档号 holds {@code -} and {@code ·} itself, so the
 * page number is only ever the LAST {@code -NNNN} group, and only when what comes before it is a 档号. Symbolic links
 * are never followed nor read (UNSAFE_PATH); files of no page format and names that give no 档号 are reported.
 */
final class BatchNaming {

    static final Set<String> FORMATS = Set.of("tif", "tiff", "jpg", "jpeg", "jp2", "j2k", "jpf", "jpx", "png", "pdf");
    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini", ".ds_store");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final Pattern DASHED = Pattern.compile("(.+)-([0-9]{1,4})");

    /** The 档号 found, each with its files, and the problems of files that belong to none. */
    record Named(Map<String, List<BatchFile>> codes, List<BatchProblem> problems) {
    }

    private BatchNaming() {
    }

    static Named name(Path root) {
        Map<String, List<BatchFile>> codes = new TreeMap<>();
        List<BatchProblem> problems = new ArrayList<>();
        Path base = root.toAbsolutePath().normalize();
        Deque<int[]> counts = new ArrayDeque<>();
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    counts.push(new int[] {0});
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!counts.isEmpty()) {
                        counts.peek()[0]++;
                    }
                    file(base, file, attrs, codes, problems);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(BatchProblem.of(Code.UNREADABLE, null, relative(base, file), null,
                            "cannot-read", e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    int inside = counts.pop()[0];
                    if (!counts.isEmpty()) {
                        counts.peek()[0] += inside;
                    }
                    if (inside == 0 && !dir.equals(base)) {
                        emptyFolder(base, dir, codes, problems);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Named(codes, problems);
    }

    /** A file's 档号 and page as its name gives them. */
    private record Name(String code, BatchFile file) {
    }

    private static void file(Path base, Path file, BasicFileAttributes attrs, Map<String, List<BatchFile>> codes,
            List<BatchProblem> problems) {
        String rel = relative(base, file);
        String name = file.getFileName().toString();
        if (SYSTEM_FILES.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith("._")) {
            return;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String stem = dot < 0 ? name : name.substring(0, dot);
        Path parent = file.getParent();
        Optional<String> folderCode = parent.equals(base) ? Optional.empty()
                : code(parent.getFileName().toString());
        Optional<Name> named = named(rel, stem, folderCode);
        String code = named.map(Name::code).orElse(null);
        if (attrs.isSymbolicLink() || Files.isSymbolicLink(file)) {
            problems.add(BatchProblem.of(Code.UNSAFE_PATH, code, rel, null, linkReason(base, file)));
            return;
        }
        if (!attrs.isRegularFile()) {
            problems.add(BatchProblem.of(Code.UNSAFE_PATH, code, rel, null, "not-regular"));
            return;
        }
        if (!FORMATS.contains(ext)) {
            problems.add(BatchProblem.of(Code.UNREADABLE, code, rel, null, "not-image"));
            return;
        }
        if (named.isPresent()) {
            codes.computeIfAbsent(code, c -> new ArrayList<>()).add(named.get().file());
            return;
        }
        problems.add(BatchProblem.of(Code.NO_ENTRY, null, rel, null, folderCode.isPresent()
                ? "no-page-number" : "no-code"));
    }

    private static Optional<Name> named(String rel, String stem, Optional<String> folderCode) {
        if (NUMBER.matcher(stem).matches() && folderCode.isPresent()) {
            return Optional.of(new Name(folderCode.get(), new BatchFile(rel, Integer.parseInt(stem), false)));
        }
        Matcher dashed = DASHED.matcher(stem);
        if (dashed.matches()) {
            Optional<String> prefix = code(dashed.group(1));
            if (prefix.isPresent()) {
                return Optional.of(new Name(prefix.get(), new BatchFile(rel, Integer.parseInt(dashed.group(2)), false)));
            }
        }
        return code(stem).map(c -> new Name(c, new BatchFile(rel, 0, true)));
    }

    private static void emptyFolder(Path base, Path dir, Map<String, List<BatchFile>> codes,
            List<BatchProblem> problems) {
        Optional<String> code = code(dir.getFileName().toString());
        if (code.isPresent()) {
            codes.computeIfAbsent(code.get(), c -> new ArrayList<>());
        } else {
            problems.add(BatchProblem.of(Code.NO_IMAGES, null, relative(base, dir), null,
                    "empty-folder-no-code"));
        }
    }

    private static String linkReason(Path base, Path link) {
        try {
            Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
            return target.startsWith(base) ? "link" : "link-outside";
        } catch (IOException | UnsupportedOperationException e) {
            return "link";
        }
    }

    static Optional<String> code(String text) {
        return ArchivalCode.normalise(text);
    }

    static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    /** Whether the file is a symbolic link (never read), as seen without following it. */
    static boolean isLink(Path file) {
        return Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }
}
