package cn.lantai.digitization.internal.derivatives;

import cn.lantai.digitization.internal.ProcessedPages;
import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.ScanPage;
import cn.lantai.preservation.Digests;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an entry's derivatives lie ({@code <lantai.digitization.derivatives>/items/<item id>/}), outside the masters'
 * OCFL object: they are remade from the masters whenever wanted. Every file name carries the digest of what it was
 * made from (the page's master and its index for an access image; all pages' masters for the PDF and OFD), so a
 * derivative of masters since replaced is never found, let alone served, and a file is written aside and moved into
 * place whole: a crash leaves the previous copy or none, never half a file. An access image's name also carries the
 * page's processing ({@link ProcessedPages.Steps#key}), so a page turned otherwise by a re-scan is made again.
 */
@Component
public class DerivativeFiles {

    /** Access images: the page's long side in pixels, and the thumbnails'. */
    public static final int ACCESS_SIDE = 2000;
    public static final int THUMBNAIL_SIDE = 200;

    private final Path root;
    private final ProcessedPages processed;

    DerivativeFiles(@Value("${lantai.digitization.derivatives}") Path root, ProcessedPages processed) {
        this.root = root.toAbsolutePath().normalize();
        this.processed = processed;
    }

    /** The entry's folder (made on demand by {@link #replace}). */
    public Path folder(ItemId item) {
        return root.resolve("items").resolve(Long.toString(item.value()));
    }

    public Path access(ScanPage page) {
        return folder(page.item()).resolve("access").resolve(pageName(page));
    }

    public Path thumbnail(ScanPage page) {
        return folder(page.item()).resolve("thumbnails").resolve(pageName(page));
    }

    public Path pdf(ItemId item, List<ScanPage> pages) {
        return folder(item).resolve("entry-" + mastersKey(pages) + ".pdf");
    }

    public Path ofd(ItemId item, List<ScanPage> pages) {
        return folder(item).resolve("entry-" + mastersKey(pages) + ".ofd");
    }

    /** What the PDF and OFD of these masters were last made with (the OCR text's digest), beside them. */
    public Path stamp(ItemId item, List<ScanPage> pages) {
        return folder(item).resolve("entry-" + mastersKey(pages) + ".made");
    }

    /** The existing file, if it is there. */
    public static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Writes {@code target} whole or not at all: the writer fills a hidden file beside it, which is then moved over
     * the target in one step; if the writer fails, the target is left as it was and the partial file removed.
     */
    public static void replace(Path target, Writer writer) {
        Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(part)) {
                writer.write(out);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover hidden part file is never served and is swept by the next remake
            }
        }
    }

    /** Removes the entry's files that none of {@code keep} names (those of replaced masters, left-over parts). */
    public void sweep(ItemId item, Set<Path> keep) {
        Path folder = folder(item);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!keep.contains(file)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A digest of which master file and index makes each page: it changes when any page is replaced or added. */
    public static String mastersKey(List<ScanPage> pages) {
        StringBuilder s = new StringBuilder();
        for (ScanPage p : pages) {
            s.append(p.page()).append(':').append(p.master()).append(':').append(p.masterIndex()).append(':')
                    .append(p.sha256()).append('\n');
        }
        return Digests.sha256(s.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private String pageName(ScanPage page) {
        String sha = page.sha256() == null || page.sha256().length() < 16 ? "0" : page.sha256().substring(0, 16);
        String steps = processed.steps(page).key();
        return String.format("%04d-%s-%d%s.jpg", page.page(), sha, page.masterIndex(),
                steps.isEmpty() ? "" : "-" + steps);
    }

    /** Fills the file being written. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
