package cn.lantai.accession.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each transfer's folder, {@code <lantai.accession.transfers-dir>/<id>} (default {@code <data-dir>/transfers}): the
 * package as uploaded ({@code package.zip}, until it is checked) and the unpacked bag ({@code work/}, until the
 * transfer is rejected or its records are stored). The root is resolved once, when the application starts.
 */
@Component
public class TransferFolders {

    private final Path root;

    TransferFolders(@Value("${lantai.accession.transfers-dir}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path folder(long id) {
        return root.resolve(Long.toString(id));
    }

    public Path packageZip(long id) {
        return folder(id).resolve("package.zip");
    }

    public Path work(long id) {
        return folder(id).resolve("work");
    }

    /** Takes the uploaded file over as the transfer's package (moved, not copied). */
    public void adopt(Path upload, long id) {
        try {
            Files.createDirectories(folder(id));
            Files.move(upload, packageZip(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A place for an upload while it is read, inside the root so that taking it over is a rename. */
    public Path newUpload() {
        try {
            Path uploads = Files.createDirectories(root.resolve("uploads"));
            return Files.createTempFile(uploads, "package-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(long id) {
        WorkFolders.remove(folder(id));
    }
}
