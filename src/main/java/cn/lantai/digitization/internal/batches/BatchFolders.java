package cn.lantai.digitization.internal.batches;

import cn.lantai.catalog.ZipInflation;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.BatchRefused;
import cn.lantai.digitization.internal.images.PageImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * Where batches are read: a zip upload kept under the data directory ({@code lantai.digitization.batches}, one folder
 * per batch with {@code upload.zip} and the unpacked {@code pages/}), or a folder under the inbox read in place. An
 * inbox path that climbs out of the inbox ({@code ..}, absolute, or through a symbolic link) is refused.
 */
@Component
public class BatchFolders {

    public static final String ZIP = "ZIP";
    public static final String INBOX = "INBOX";

    private final Path work;
    private final Path inbox;
    private final long maxUpload;
    private final long maxFileBytes;
    private final BatchUnzip unzip;

    BatchFolders(@Value("${lantai.digitization.batches}") Path work, @Value("${lantai.digitization.inbox}") Path inbox,
            @Value("${lantai.digitization.max-upload-size}") DataSize maxUpload,
            @Value("${lantai.digitization.max-file-size}") DataSize maxFile,
            @Value("${lantai.digitization.max-zip-entries}") int maxEntries,
            @Value("${lantai.digitization.max-inflated-size}") DataSize maxInflated) {
        this.work = work.toAbsolutePath().normalize();
        this.inbox = inbox.toAbsolutePath().normalize();
        this.maxUpload = maxUpload.toBytes();
        this.maxFileBytes = maxFile.toBytes();
        this.unzip = new BatchUnzip(new BatchUnzip.Limits(new ZipInflation.Limits(maxFile.toBytes(),
                maxInflated.toBytes(), 100, 1L << 20), maxEntries));
    }

    /** The inbox folder batches are named relative to. */
    public Path inbox() {
        return inbox;
    }

    long maxFileBytes() {
        return maxFileBytes;
    }

    public long maxUpload() {
        return maxUpload;
    }

    /** Streams an upload to the batch's folder (at most the upload limit; 413 past it, nothing kept). */
    public void receive(long id, InputStream upload) {
        Path target = work.resolve(Long.toString(id)).resolve("upload.zip");
        try (InputStream in = upload) {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxUpload) {
                        throw new BatchRefused(413, "digitization.batch.too-large", maxUpload >> 20);
                    }
                    out.write(buffer, 0, n);
                }
            }
            try (InputStream head = Files.newInputStream(target)) {
                byte[] magic = head.readNBytes(4);
                if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K') {
                    throw new BatchRefused("digitization.batch.not-zip");
                }
            }
        } catch (IOException | RuntimeException e) {
            removeWork(id);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * The inbox folder a path names, relative to the inbox: refused (400) when absolute, with {@code ..}, leaving the
     * inbox through a symbolic link, or not an existing folder. Answers the path as stored (relative, normal).
     */
    public String inboxFolder(String path) {
        if (path == null || path.isBlank() || path.chars().anyMatch(c -> c < 0x20)) {
            throw new BatchRefused("digitization.batch.no-path");
        }
        String slashed = path.replace('\\', '/');
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*") || List.of(slashed.split("/")).contains("..")) {
            throw new BatchRefused("digitization.batch.outside-inbox", path);
        }
        try {
            Path folder = inbox.resolve(slashed).normalize();
            if (!folder.startsWith(inbox)) {
                throw new BatchRefused("digitization.batch.outside-inbox", path);
            }
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isSymbolicLink(folder)) {
                    throw new BatchRefused("digitization.batch.outside-inbox", path);
                }
                throw new BatchRefused("digitization.batch.no-folder", path);
            }
            if (!folder.toRealPath().startsWith(inbox.toRealPath())) {
                throw new BatchRefused("digitization.batch.outside-inbox", path);
            }
            return inbox.relativize(folder).toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            throw new BatchRefused("digitization.batch.no-folder", path);
        } catch (IOException e) {
            throw new BatchRefused("digitization.batch.no-folder", path);
        }
    }

    /** The folder the batch's files are read from. */
    Path pages(long id, String source, String sourcePath) {
        if (INBOX.equals(source)) {
            return inbox.resolve(inboxFolder(sourcePath));
        }
        return work.resolve(Long.toString(id)).resolve("pages");
    }

    /**
     * Where the files of an inbox batch are copied before they are read and stored: a folder an entry, for the few
     * entries checked ahead of the one being attached.
     */
    Path staging(long id) {
        return work.resolve(Long.toString(id)).resolve("staged");
    }

    void clearStaging(long id) {
        delete(staging(id));
    }

    /** Removes one entry's staged copies (a folder under {@link #staging(long)}). */
    void clearStaging(Path entryStaging) {
        delete(entryStaging);
    }

    void clearPages(long id) {
        delete(work.resolve(Long.toString(id)).resolve("pages"));
    }

    List<BatchProblem> unzip(long id) {
        Path folder = work.resolve(Long.toString(id));
        return unzip.unpack(folder.resolve("upload.zip"), folder.resolve("pages"));
    }

    /** Removes the batch's own folder (its upload and unpacked pages); an inbox folder is never touched. */
    public void removeWork(long id) {
        delete(work.resolve(Long.toString(id)));
    }

    /** Pages a 档号's files hold as their headers say (a file that cannot be read counts as one). */
    static int pageCount(Path root, List<BatchFile> files) {
        int pages = 0;
        for (BatchFile f : files) {
            if (!f.whole() || BatchNaming.isLink(root.resolve(f.file()))) {
                pages++;
                continue;
            }
            try {
                Path path = root.resolve(f.file());
                pages += Math.max(1, PageImages.probe(path).size());
            } catch (RuntimeException e) {
                pages++;
            }
        }
        return pages;
    }

    private static void delete(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
