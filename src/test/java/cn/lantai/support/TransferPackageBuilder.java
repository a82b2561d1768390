package cn.lantai.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.lantai.preservation.Digests;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds a unit's transfer package for tests, as a unit's archivist would send it: a zipped BagIt 1.0 bag whose payload
 * holds a catalogue sheet ({@code data/catalogue.csv} or {@code .xlsx}, the catalogue's columns plus {@code 文件}) and,
 * per record, a PDF (PDFBox) and a JPEG (ImageIO) under {@code 记录/<n>/}; SHA-256 and SM3 manifests, a tag manifest,
 * and bag-info.txt with 件数 and Payload-Oxum. Each kind of fault a package may carry can be planted, one call each.
 * Records count from 1; record n has item number (件号) n unless a gap is planted.
 */
public final class TransferPackageBuilder {

    /** How the catalogue sheet is written. */
    public enum Sheet { CSV_UTF8, CSV_UTF8_BOM, CSV_GB18030, XLSX }

    private static final List<String> HEADER = List.of("档号", "题名", "责任者", "日期", "文件编号", "页数", "密级",
            "开放标识", "计算机文件大小", "计算机文件格式", "文件");

    private final String fonds;
    private final int year;
    private final int records;
    private Sheet sheet = Sheet.CSV_UTF8;
    private boolean gbkNames;
    private boolean manifests = true;
    private byte[] rawCatalogue;
    private int gapFrom;
    private Integer declaredItems;
    private String declaredOxum;
    private final Map<Integer, String> declaredSizes = new LinkedHashMap<>();
    private final Map<Integer, Map<String, String>> cells = new LinkedHashMap<>();
    private final List<Integer> lyingDigests = new ArrayList<>();
    private final List<Integer> missing = new ArrayList<>();
    private final List<Integer> empty = new ArrayList<>();
    private final List<Integer> infected = new ArrayList<>();
    private final List<Integer> executables = new ArrayList<>();
    private final List<Integer> encrypted = new ArrayList<>();
    private final Map<String, byte[]> unlisted = new LinkedHashMap<>();
    private final Map<String, byte[]> rawEntries = new LinkedHashMap<>();
    private final Map<String, String> symlinks = new LinkedHashMap<>();
    private final Map<String, Long> bombs = new LinkedHashMap<>();

    private TransferPackageBuilder(String fonds, int year, int records) {
        this.fonds = fonds;
        this.year = year;
        this.records = records;
    }

    /** A package of {@code records} records of group {@code fonds-WS·year-Y-BGS}. */
    public static TransferPackageBuilder of(String fonds, int year, int records) {
        return new TransferPackageBuilder(fonds, year, records);
    }

    public TransferPackageBuilder sheet(Sheet sheet) {
        this.sheet = sheet;
        return this;
    }

    /** Zip entry names in GBK without the UTF-8 flag, as Windows' own zip tool writes them. */
    public TransferPackageBuilder gbkNames() {
        this.gbkNames = true;
        return this;
    }

    /** The manifest lies about the SHA-256 of the record's PDF. */
    public TransferPackageBuilder lyingDigest(int record) {
        lyingDigests.add(record);
        return this;
    }

    /** The record's PDF is listed (manifest and catalogue) but not in the zip. */
    public TransferPackageBuilder missingFile(int record) {
        missing.add(record);
        return this;
    }

    /**
     * The record's PDF is 0 bytes long, as a file cut short in transit: the manifests list it as such, the catalogue
     * still describes the size it had.
     */
    public TransferPackageBuilder emptyFile(int record) {
        empty.add(record);
        return this;
    }

    /** The record carries a third file, {@link #virusOf}, holding the EICAR anti-virus test string. */
    public TransferPackageBuilder virus(int record) {
        infected.add(record);
        return this;
    }

    /** The record's {@code 正文.pdf} is really a Windows executable. */
    public TransferPackageBuilder executableAsPdf(int record) {
        executables.add(record);
        return this;
    }

    /** The record's PDF opens only with a password. */
    public TransferPackageBuilder encryptedPdf(int record) {
        encrypted.add(record);
        return this;
    }

    /** A file in the payload that no manifest lists: a real Linux executable ({@link #elf()}), as one slipped in would be. */
    public TransferPackageBuilder unlistedFile(String payloadName) {
        unlisted.put(payloadName, elf());
        return this;
    }

    /** A zip entry of this exact name (such as {@code ../../etc/passwd} or {@code /etc/passwd}), listed nowhere. */
    public TransferPackageBuilder rawEntry(String name) {
        rawEntries.put(name, "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A symbolic-link entry in the payload pointing at {@code target}. */
    public TransferPackageBuilder symlink(String payloadName, String target) {
        symlinks.put(payloadName, target);
        return this;
    }

    /** A payload entry of {@code bytes} zeros (a deflate bomb inflates about 1,000 times), listed in the manifests. */
    public TransferPackageBuilder bomb(String payloadName, long bytes) {
        bombs.put(payloadName, bytes);
        return this;
    }

    /** From this record on, item numbers skip one: record n gets 件号 n + 1. */
    public TransferPackageBuilder gapFrom(int record) {
        this.gapFrom = record;
        return this;
    }

    /** bag-info.txt declares this 件数 whatever the catalogue holds. */
    public TransferPackageBuilder declaredItems(int count) {
        this.declaredItems = count;
        return this;
    }

    /** bag-info.txt declares this Payload-Oxum. */
    public TransferPackageBuilder declaredOxum(String oxum) {
        this.declaredOxum = oxum;
        return this;
    }

    /** The record's 计算机文件大小 as written; by default it is the bytes of the record's files, as a unit's system writes it. */
    public TransferPackageBuilder declaredSize(int record, String size) {
        declaredSizes.put(record, size);
        return this;
    }

    /** Sets one cell of the record's row (by header: 题名, 日期, 文件 …); null empties it. */
    public TransferPackageBuilder cell(int record, String header, String value) {
        cells.computeIfAbsent(record, r -> new LinkedHashMap<>()).put(header, value);
        return this;
    }

    /** The catalogue sheet's bytes as given (garbage, a renamed binary …), listed in the manifests as any file. */
    public TransferPackageBuilder rawCatalogue(byte[] bytes) {
        this.rawCatalogue = bytes;
        return this;
    }

    /** No payload manifest and no tag manifest at all. */
    public TransferPackageBuilder withoutManifests() {
        this.manifests = false;
        return this;
    }

    public int itemNumber(int record) {
        return gapFrom > 0 && record >= gapFrom ? record + 1 : record;
    }

    /** The record's 档号, as the report names it. */
    public String archivalCode(int record) {
        return String.format("%s-WS·%d-Y-BGS-%04d", fonds, year, itemNumber(record));
    }

    /** The record's PDF, relative to the payload. */
    public String pdfOf(int record) {
        return "记录/" + record + "/正文.pdf";
    }

    /** The record's infected file (see {@link #virus}), relative to the payload. */
    public String virusOf(int record) {
        return "记录/" + record + "/附件.txt";
    }

    /** The record's JPEG, relative to the payload. */
    public String jpegOf(int record) {
        return "记录/" + record + "/图片.jpg";
    }

    /** Writes the zipped bag to {@code zip}, which it answers. */
    public Path write(Path zip) {
        try {
            Map<String, byte[]> payload = new LinkedHashMap<>();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= records; r++) {
                payload.put(pdfOf(r), pdfBytes(r));
                payload.put(jpegOf(r), jpeg(r));
                if (infected.contains(r)) {
                    payload.put(virusOf(r), ClamAvAvailable.EICAR.getBytes(StandardCharsets.US_ASCII));
                }
                rows.add(row(r, payload));
            }
            payload.put(catalogueName(), rawCatalogue != null ? rawCatalogue : catalogue(zip.getParent(), rows));
            Map<String, byte[]> tags = new LinkedHashMap<>();
            tags.put("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(
                    StandardCharsets.UTF_8));
            Map<String, byte[]> shipped = new LinkedHashMap<>(payload);
            missing.forEach(r -> shipped.remove(pdfOf(r)));
            shipped.putAll(unlisted);
            long octets = shipped.values().stream().mapToLong(b -> b.length).sum();
            tags.put("bag-info.txt", bagInfo(octets + "." + shipped.size()).getBytes(StandardCharsets.UTF_8));
            if (manifests) {
                tags.put("manifest-sha256.txt", manifest(payload, false).getBytes(StandardCharsets.UTF_8));
                tags.put("manifest-sm3.txt", manifest(payload, true).getBytes(StandardCharsets.UTF_8));
                tags.put("tagmanifest-sha256.txt", tagManifest(tags).getBytes(StandardCharsets.UTF_8));
            }
            zip(zip, tags, shipped);
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> row(int r, Map<String, byte[]> payload) throws IOException {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("档号", archivalCode(r));
        row.put("题名", "关于第" + r + "号文件的通知");
        row.put("责任者", "区人民政府办公室");
        row.put("日期", year + "-03-12");
        row.put("文件编号", "区府办〔" + year + "〕" + r + "号");
        row.put("页数", "1");
        row.put("密级", "");
        row.put("开放标识", "开放");
        row.put("计算机文件大小", declaredSizes.getOrDefault(r, String.valueOf(describedBytes(r, payload))));
        row.put("计算机文件格式", "PDF");
        row.put("文件", pdfOf(r) + ";" + jpegOf(r) + (infected.contains(r) ? ";" + virusOf(r) : ""));
        row.putAll(cells.getOrDefault(r, Map.of()));
        return HEADER.stream().map(h -> row.get(h) == null ? "" : row.get(h)).toList();
    }

    /** What the unit's system knew of the record's files: an emptied PDF still counts with the size it had. */
    private long describedBytes(int r, Map<String, byte[]> payload) throws IOException {
        long bytes = payload.get(jpegOf(r)).length + (infected.contains(r) ? payload.get(virusOf(r)).length : 0);
        return bytes + (empty.contains(r) ? pdf("Record " + r).length : payload.get(pdfOf(r)).length);
    }

    private String catalogueName() {
        return sheet == Sheet.XLSX ? "catalogue.xlsx" : "catalogue.csv";
    }

    private byte[] catalogue(Path dir, List<List<String>> rows) throws IOException {
        Catalogues sheetRows = Catalogues.withHeader(HEADER.toArray(String[]::new));
        rows.forEach(r -> sheetRows.row(r.toArray(String[]::new)));
        Path file = switch (sheet) {
            case XLSX -> sheetRows.xlsx(dir);
            case CSV_GB18030 -> sheetRows.csv(dir, Charset.forName("GB18030"), false);
            case CSV_UTF8_BOM -> sheetRows.csv(dir, StandardCharsets.UTF_8, true);
            case CSV_UTF8 -> sheetRows.csv(dir, StandardCharsets.UTF_8, false);
        };
        try {
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    private String bagInfo(String oxum) {
        return "Source-Organization: 区人民政府办公室\nBagging-Date: " + year + "-12-31\n件数: "
                + (declaredItems == null ? records : declaredItems) + "\nPayload-Oxum: "
                + (declaredOxum == null ? oxum : declaredOxum) + "\n";
    }

    private String manifest(Map<String, byte[]> payload, boolean sm3) throws IOException {
        StringBuilder sb = new StringBuilder();
        Map<String, byte[]> listed = new LinkedHashMap<>(payload);
        for (String bomb : bombs.keySet()) {
            listed.put(bomb, null);
        }
        for (var file : listed.entrySet()) {
            String digest = file.getValue() == null ? "0".repeat(64) : digest(file.getValue(), sm3);
            if (!sm3 && lyingDigests.stream().anyMatch(r -> pdfOf(r).equals(file.getKey()))) {
                digest = (digest.charAt(0) == '0' ? "1" : "0") + digest.substring(1);
            }
            sb.append(digest).append("  data/").append(file.getKey()).append('\n');
        }
        return sb.toString();
    }

    private static String tagManifest(Map<String, byte[]> tags) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (var tag : tags.entrySet()) {
            sb.append(digest(tag.getValue(), false)).append("  ").append(tag.getKey()).append('\n');
        }
        return sb.toString();
    }

    private static String digest(byte[] bytes, boolean sm3) throws IOException {
        Digests digests = Digests.of(new ByteArrayInputStream(bytes));
        return sm3 ? digests.sm3() : digests.sha256();
    }

    private void zip(Path zip, Map<String, byte[]> tags, Map<String, byte[]> payload) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            if (gbkNames) {
                out.setEncoding("GB18030");
                out.setUseLanguageEncodingFlag(false);
                out.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            }
            for (var tag : tags.entrySet()) {
                entry(out, tag.getKey(), tag.getValue());
            }
            for (var file : payload.entrySet()) {
                entry(out, "data/" + file.getKey(), file.getValue());
            }
            for (var raw : rawEntries.entrySet()) {
                entry(out, raw.getKey(), raw.getValue());
            }
            for (var link : symlinks.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry("data/" + link.getKey());
                entry.setUnixMode(0120777);
                out.putArchiveEntry(entry);
                out.write(link.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
            for (var bomb : bombs.entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry("data/" + bomb.getKey()));
                byte[] zeros = new byte[1 << 20];
                for (long left = bomb.getValue(); left > 0; left -= zeros.length) {
                    out.write(zeros, 0, (int) Math.min(zeros.length, left));
                }
                out.closeArchiveEntry();
            }
        }
    }

    private static void entry(ZipArchiveOutputStream out, String name, byte[] bytes) throws IOException {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        out.write(bytes);
        out.closeArchiveEntry();
    }

    private byte[] pdfBytes(int r) throws IOException {
        if (empty.contains(r)) {
            return new byte[0];
        }
        if (executables.contains(r)) {
            return executable();
        }
        return encrypted.contains(r) ? encryptedPdf("Record " + r) : pdf("Record " + r);
    }

    /**
     * A complete x86-64 Linux executable of 129 bytes (ELF header, one loadable segment, code that calls exit(0)): it
     * runs, so content identification and the virus scanner see a real program, not a look-alike.
     */
    public static byte[] elf() {
        byte[] code = {(byte) 0xb8, 0x3c, 0, 0, 0, 0x31, (byte) 0xff, 0x0f, 0x05};
        int size = 0x78 + code.length;
        java.nio.ByteBuffer elf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
        elf.putShort((short) 2).putShort((short) 0x3e).putInt(1).putLong(0x400078).putLong(64).putLong(0).putInt(0)
                .putShort((short) 64).putShort((short) 56).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        elf.putInt(1).putInt(5).putLong(0).putLong(0x400000).putLong(0x400000).putLong(size).putLong(size)
                .putLong(0x1000);
        return elf.put(code).array();
    }

    /** The start of a Windows executable (MZ header, DOS stub, PE signature), as a renamed .exe begins. */
    public static byte[] executable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** A one-page PDF that opens only with a password (RC4/AES by PDFBox's standard security handler). */
    public static byte[] encryptedPdf(String text) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(text)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A one-page PDF saying {@code text}. */
    public static byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A small JPEG, its colour set by {@code seed} so no two records' images are the same. */
    public static byte[] jpeg(int seed) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(seed * 37 % 256, seed * 91 % 256, seed * 53 % 256));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
