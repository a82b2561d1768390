package cn.lantai.preservation.internal.packages;

import cn.lantai.preservation.Digests;
import cn.lantai.preservation.StoredFile;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A BagIt 1.0 bag (RFC 8493) in a zip under one top folder: the records under {@code data/<档号>/} ({@code content/…},
 * {@code metadata/description.json}, {@code metadata/premis.xml}); {@code manifest-sha256.txt} and
 * {@code manifest-sm3.txt} with the digests the store recorded (not recomputed: each file's SHA-256 is checked as it
 * is copied); {@code bag-info.txt}; {@code tagmanifest-sha256.txt}. Manifest lines are written aside as records are
 * added, so a bag of any size is never held in memory.
 */
final class BagWriter implements PackageWriter {

    private final ZipParts zip;
    private final String top;
    private final Path work;
    private final BufferedWriter sha256;
    private final BufferedWriter sm3;
    private final String sourceOrganization;
    private final String identifier;
    private long payloadBytes;
    private long payloadFiles;
    private int records;

    BagWriter(ZipParts zip, String top, Path work, String sourceOrganization) throws IOException {
        this.zip = zip;
        this.top = top + "/";
        this.work = work;
        this.sourceOrganization = sourceOrganization;
        this.identifier = top;
        this.sha256 = Files.newBufferedWriter(work.resolve("manifest-sha256.txt"), StandardCharsets.UTF_8);
        this.sm3 = Files.newBufferedWriter(work.resolve("manifest-sm3.txt"), StandardCharsets.UTF_8);
    }

    @Override
    public void add(PackagedRecord record) throws IOException {
        String base = "data/" + record.folder() + "/";
        for (StoredFile file : record.files()) {
            String path = base + "content/" + file.name();
            zip.storedFile(top + path, record.item().id(), file);
            list(path, file.sha256(), file.sm3(), file.size());
        }
        document(base + "metadata/description.json", record.description());
        if (record.premis().isPresent()) {
            document(base + "metadata/premis.xml", record.premis().get());
        }
        records++;
    }

    @Override
    public void finish() throws IOException {
        close();
        Map<String, String> tagDigests = new LinkedHashMap<>();
        tagDigests.put("bagit.txt", tag("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
        tagDigests.put("bag-info.txt", tag("bag-info.txt", bagInfo()));
        tagDigests.put("manifest-sha256.txt", zip.file(top + "manifest-sha256.txt", work.resolve("manifest-sha256.txt")));
        tagDigests.put("manifest-sm3.txt", zip.file(top + "manifest-sm3.txt", work.resolve("manifest-sm3.txt")));
        StringBuilder tagManifest = new StringBuilder();
        tagDigests.forEach((name, digest) -> tagManifest.append(digest).append("  ").append(name).append('\n'));
        zip.bytes(top + "tagmanifest-sha256.txt", tagManifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        try (sha256; sm3) {
            // both closed, the second even when the first fails
        }
    }

    private void document(String path, byte[] content) throws IOException {
        Digests digests = Digests.of(new ByteArrayInputStream(content));
        zip.bytes(top + path, content);
        list(path, digests.sha256(), digests.sm3(), content.length);
    }

    private void list(String path, String sha256Digest, String sm3Digest, long size) throws IOException {
        String encoded = encode(path);
        sha256.write(sha256Digest + "  " + encoded + "\n");
        sm3.write(sm3Digest + "  " + encoded + "\n");
        payloadBytes += size;
        payloadFiles++;
    }

    private String tag(String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        zip.bytes(top + name, bytes);
        return Digests.sha256(bytes);
    }

    private String bagInfo() {
        return "Source-Organization: " + sourceOrganization + "\n"
                + "Bagging-Date: " + LocalDate.now() + "\n"
                + "Payload-Oxum: " + payloadBytes + "." + payloadFiles + "\n"
                + "Bag-Count: 1 of 1\n"
                + "External-Identifier: " + identifier + "\n"
                + "External-Description: " + records + " records (件) from the archival store\n"
                + "Bag-Software-Agent: Lantai\n";
    }

    /** RFC 8493 §2.1.3: a path in a manifest has CR, LF and '%' percent-encoded. */
    static String encode(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
