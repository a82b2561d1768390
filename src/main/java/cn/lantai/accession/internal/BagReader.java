package cn.lantai.accession.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.catalog.ZipEntryNames;

/**
 * Reads the tag files of a BagIt bag (RFC 8493): bagit.txt, bag-info.txt and the payload and tag manifests. It
 * judges only their form; whether the payload matches them is {@link BagCheck}'s. The bag is read by hand rather than
 * with {@code gov.loc:bagit}, which stops at the first problem and knows no SM3: a report names every fault.
 */
public final class BagReader {

    /**
     * Digest algorithms whose manifests are verified: SHA-256 and SM3 (GB/T 32905), and those RFC 8493 lets bags carry
     * beside them (sha512; sha1 and md5 for older tools).
     */
    public static final Set<String> ALGORITHMS = Set.of("sha256", "sm3", "sha512", "sha1", "md5");
    private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-([a-z0-9]+)\\.txt");
    private static final Pattern LINE = Pattern.compile("([0-9A-Fa-f]+)[ \\t]+(.+)");

    /** The bag's tag files as read, and what was wrong with their form. */
    public record Bag(Path root, List<Map.Entry<String, String>> info, Map<String, Map<String, String>> manifests,
            Map<String, Map<String, String>> tagManifests, List<Finding> findings) {
    }

    /**
     * The largest tag file read (bag-info.txt, a manifest): a manifest of a million files in both digests is about
     * 150 MB; past this a tag file is not read into memory.
     */
    public static final long TAG_FILE_LIMIT = 256L << 20;

    private final long tagFileLimit;

    public BagReader(long tagFileLimit) {
        this.tagFileLimit = tagFileLimit;
    }

    /** The bag's top folder: the work folder when bagit.txt lies in it, else its one top-level folder holding one. */
    public static Path root(Path workDir) throws IOException {
        if (Files.isRegularFile(workDir.resolve("bagit.txt"))) {
            return workDir;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> in = Files.newDirectoryStream(workDir)) {
            in.forEach(children::add);
        }
        if (children.size() == 1 && Files.isRegularFile(children.get(0).resolve("bagit.txt"))) {
            return children.get(0);
        }
        return workDir;
    }

    public Bag read(Path root) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Charset encoding = checkDeclaration(root, findings);
        List<Map.Entry<String, String>> info = Files.isRegularFile(root.resolve("bag-info.txt"))
                ? labels(root.resolve("bag-info.txt"), encoding, findings) : List.of();
        Map<String, Map<String, String>> manifests = new TreeMap<>();
        Map<String, Map<String, String>> tagManifests = new TreeMap<>();
        try (DirectoryStream<Path> in = Files.newDirectoryStream(root, "*manifest-*.txt")) {
            for (Path file : in) {
                Matcher m = MANIFEST.matcher(file.getFileName().toString());
                if (!m.matches() || !ALGORITHMS.contains(m.group(2))) {
                    findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-BAG", null, file.getFileName().toString(),
                            "accession.check.unknown-algorithm"));
                    continue;
                }
                boolean tag = m.group(1) != null;
                (tag ? tagManifests : manifests).put(m.group(2), entries(file, encoding, !tag, findings));
            }
        }
        if (manifests.isEmpty()) {
            findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-BAG", null, null, "accession.check.no-manifest"));
        }
        if (!Files.isDirectory(root.resolve("data"))) {
            findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-BAG", null, null, "accession.check.no-payload"));
        }
        return new Bag(root, info, manifests, tagManifests, findings);
    }

    /**
     * Checks bagit.txt (always UTF-8, RFC 8493 §2.1.1) and answers the encoding it declares for the other tag files
     * ({@code Tag-File-Character-Encoding}, such as GB18030); UTF-8 when it declares none or one unknown here.
     */
    private Charset checkDeclaration(Path root, List<Finding> findings) throws IOException {
        Path declaration = root.resolve("bagit.txt");
        if (!Files.isRegularFile(declaration)) {
            findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-BAG", null, "bagit.txt", "accession.check.no-bagit"));
            return StandardCharsets.UTF_8;
        }
        List<Map.Entry<String, String>> labels = labels(declaration, StandardCharsets.UTF_8, findings);
        String version = label(labels, "BagIt-Version");
        if (!"1.0".equals(version) && !"0.97".equals(version)) {
            findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-BAG", null, "bagit.txt",
                    "accession.check.bagit-version", String.valueOf(version)));
        } else {
            findings.add(Finding.pass(Property.AUTHENTICITY, "AUTH-BAG", null, null, "accession.check.bag-ok",
                    version));
        }
        String encoding = label(labels, "Tag-File-Character-Encoding");
        try {
            return encoding == null || encoding.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(encoding.strip());
        } catch (IllegalArgumentException e) {
            findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-BAG", null, "bagit.txt",
                    "accession.check.unknown-encoding", encoding));
            return StandardCharsets.UTF_8;
        }
    }

    private static String label(List<Map.Entry<String, String>> labels, String name) {
        return labels.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Tag-file labels ({@code Label: value}, a line starting with white space continues the value before it). */
    private List<Map.Entry<String, String>> labels(Path file, Charset encoding, List<Finding> findings)
            throws IOException {
        List<Map.Entry<String, String>> labels = new ArrayList<>();
        String label = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines(file, encoding, findings)) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && label != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (label != null) {
                labels.add(new AbstractMap.SimpleImmutableEntry<>(label, value.toString()));
            }
            int colon = line.indexOf(':');
            label = colon > 0 ? line.substring(0, colon).strip() : null;
            value = new StringBuilder(colon > 0 ? line.substring(colon + 1).strip() : "");
        }
        if (label != null) {
            labels.add(new AbstractMap.SimpleImmutableEntry<>(label, value.toString()));
        }
        return labels;
    }

    /**
     * A manifest's lines: path → digest (lower case). Paths are percent-decoded (RFC 8493 §2.1.3); a payload manifest's
     * paths must lie under {@code data/}, and payload paths are answered relative to it.
     */
    private Map<String, String> entries(Path file, Charset encoding, boolean payload, List<Finding> findings)
            throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        String manifest = file.getFileName().toString();
        for (String line : lines(file, encoding, findings)) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            String path = m.matches() ? ZipEntryNames.safeRelative(percentDecoded(m.group(2))) : null;
            if (path != null && payload) {
                path = path.startsWith("data/") ? path.substring("data/".length()) : null;
            }
            if (path == null) {
                findings.add(Finding.fail(Property.SECURITY, "SEC-PATH", null, m.matches() ? m.group(2) : line,
                        "accession.check.manifest-path", manifest));
                continue;
            }
            entries.putIfAbsent(path, m.group(1).toLowerCase(Locale.ROOT));
        }
        return entries;
    }

    private static String percentDecoded(String path) {
        return path.replace("%0D", "\r").replace("%0d", "\r").replace("%0A", "\n").replace("%0a", "\n")
                .replace("%25", "%");
    }

    private List<String> lines(Path file, Charset encoding, List<Finding> findings) throws IOException {
        if (Files.size(file) > tagFileLimit) {
            findings.add(Finding.fail(Property.USABILITY, "USE-TAG-FILE", null, file.getFileName().toString(),
                    "accession.check.tag-too-large", tagFileLimit >> 20));
            return List.of();
        }
        try {
            return Files.readAllLines(file, encoding);
        } catch (CharacterCodingException e) {
            findings.add(Finding.fail(Property.USABILITY, "USE-TAG-FILE", null, file.getFileName().toString(),
                    "accession.check.tag-not-decodable", encoding.name()));
            return List.of();
        }
    }
}
