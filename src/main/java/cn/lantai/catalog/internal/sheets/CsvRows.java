package cn.lantai.catalog.internal.sheets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited-text catalogue (comma, or tab when the header says so). The encoding is detected, not assumed: a BOM
 * decides; otherwise text that is valid UTF-8 throughout is UTF-8, and anything else is read as GB18030 (a superset of
 * GBK and GB2312) if it decodes cleanly. UTF-16 without a BOM, or bytes no encoding explains, are refused.
 */
final class CsvRows implements SheetRows {

    static final Charset GB18030 = Charset.forName("GB18030");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final String format;

    private CsvRows(CSVParser parser, String format) {
        this.parser = parser;
        this.records = parser.iterator();
        this.format = format;
        Row first = next();
        this.header = first == null ? List.of() : first.cells();
    }

    static final String FORMAT_PREFIX = "csv ";

    static CsvRows open(Path file) {
        try {
            return open(file, detect(file));
        } catch (IOException e) {
            throw new UnreadableFile("import.unreadable", e.getMessage());
        }
    }

    /** Opens a file already found to be text in {@code charset} (only its byte-order mark is looked for again). */
    static CsvRows open(Path file, Charset charset) {
        try {
            Detected bom = bom(file);
            return open(file, bom != null && bom.charset.equals(charset) ? bom : new Detected(charset, 0));
        } catch (IOException e) {
            throw new UnreadableFile("import.unreadable", e.getMessage());
        }
    }

    private static CsvRows open(Path file, Detected detected) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(skip(Files.newInputStream(file),
                detected.bomLength), detected.charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)), 1 << 16);
        reader.mark(1 << 15);
        String firstLine = reader.readLine();
        reader.reset();
        char delimiter = firstLine != null && count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).setMaxRows(0).get();
        return new CsvRows(CSVParser.builder().setReader(reader).setFormat(format).get(),
                FORMAT_PREFIX + detected.charset.name());
    }

    private record Detected(Charset charset, int bomLength) {
    }

    static Detected detect(Path file) throws IOException {
        Detected bom = bom(file);
        if (bom != null) {
            return bom;
        }
        if (decodes(file, StandardCharsets.UTF_8)) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        if (decodes(file, GB18030)) {
            return new Detected(GB18030, 0);
        }
        throw new UnreadableFile("import.bad-encoding");
    }

    /** The encoding a byte-order mark names, or null without one. */
    private static Detected bom(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                return new Detected(StandardCharsets.UTF_8, 3);
            }
            if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
                return new Detected(StandardCharsets.UTF_16LE, 2);
            }
            if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
                return new Detected(StandardCharsets.UTF_16BE, 2);
            }
        }
        return null;
    }

    /** Streams the whole file through a strict decoder; NUL bytes (UTF-16 without BOM, binaries) fail it too. */
    private static boolean decodes(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (var channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                for (int i = in.position(); i < in.limit(); i++) {
                    if (in.get(i) == 0) {
                        return false;
                    }
                }
                var result = decoder.decode(in, out, end);
                if (result.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
            }
            return !decoder.flush(out).isError();
        }
    }

    private static InputStream skip(InputStream in, int n) throws IOException {
        in.skipNBytes(n);
        return in;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // a record's number counts from 1, as the spreadsheet user sees rows
                Row row = Row.unlessBlank((int) record.getRecordNumber(), record.toList());
                if (row != null) {
                    return row;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new UnreadableFile("import.bad-encoding");
            }
            throw new UnreadableFile("import.unreadable", e.getMessage());
        } catch (IllegalStateException e) {
            throw new UnreadableFile("import.unreadable", e.getMessage());
        }
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
