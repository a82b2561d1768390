package cn.lantai.preservation.internal.inspection;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Opens a PDF with PDFBox (read from the file, never whole into memory) and decodes every page's content within a
 * budget, so a truncated, damaged or bomb-like file fails here rather than in a reader's hands. A PDF/A declares itself in its XMP metadata
 * ({@code pdfaid:part}, {@code pdfaid:conformance}, ISO 19005); the declaration is reported, not validated.
 */
final class Pdfs {

    static final String MEDIA_TYPE = "application/pdf";
    private static final String PDFAID = "http://www.aiim.org/pdfa/ns/id/";
    /** ISO 32000 asks for %%EOF on the last line; readers accept it within the last kilobyte. */
    private static final int TAIL = 1024;
    /**
     * The decoded page content a PDF may hold before it counts as unreadable: far above what text, vector drawings or
     * scans need (a scan's pixels are images, not content), far below what a decompression bomb unpacks to.
     */
    static final long CONTENT_BUDGET = 256L << 20;

    private Pdfs() {
    }

    static Reading read(Path file) {
        if (!endsWithEof(file)) {
            return Reading.failed(MEDIA_TYPE, "PDF");
        }
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            boolean encrypted = document.isEncrypted();
            String name = encrypted ? "PDF" : pdfaName(document);
            readPages(document);
            return new Reading(MEDIA_TYPE, name, document.getNumberOfPages() > 0, encrypted);
        } catch (InvalidPasswordException e) {
            return new Reading(MEDIA_TYPE, "PDF", false, true);
        } catch (IOException | RuntimeException e) {
            return Reading.failed(MEDIA_TYPE, "PDF");
        }
    }

    /**
     * Decodes every page's content streams into nothing, each stream once however many pages share it, within
     * {@link #CONTENT_BUDGET} for the whole document. PDFBox's own {@code getContents()} decodes a stream whole into
     * memory, so a few megabytes of compressed zeros became gigabytes on the heap; here each filter writes into a
     * counting sink, and a chain of filters passes its middle stages through temporary files.
     */
    private static void readPages(PDDocument document) throws IOException {
        ContentBudget budget = new ContentBudget(CONTENT_BUDGET);
        Set<COSStream> read = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : document.getPages()) {
            for (COSStream stream : contentStreams(page)) {
                if (read.add(stream)) {
                    decode(stream, budget);
                }
            }
        }
    }

    private static List<COSStream> contentStreams(PDPage page) {
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (contents instanceof COSStream stream) {
            return List.of(stream);
        }
        List<COSStream> streams = new ArrayList<>();
        if (contents instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSStream stream) {
                    streams.add(stream);
                }
            }
        }
        return streams;
    }

    private static void decode(COSStream stream, ContentBudget budget) throws IOException {
        List<COSName> filters = filterNames(stream.getFilters());
        InputStream encoded = stream.createRawInputStream();
        try {
            for (int i = 0; i < filters.size(); i++) {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                if (i == filters.size() - 1) {
                    filter.decode(encoded, budget.sink(OutputStream.nullOutputStream()), stream, i);
                } else {
                    Path stage = Files.createTempFile("lantai-pdf-", ".stage");
                    try (OutputStream out = Files.newOutputStream(stage)) {
                        filter.decode(encoded, budget.sink(out), stream, i);
                    }
                    encoded.close();
                    encoded = Files.newInputStream(stage, StandardOpenOption.DELETE_ON_CLOSE);
                }
            }
            if (filters.isEmpty()) {
                encoded.transferTo(budget.sink(OutputStream.nullOutputStream()));
            }
        } finally {
            encoded.close();
        }
    }

    private static List<COSName> filterNames(COSBase filters) throws IOException {
        if (filters == null) {
            return List.of();
        }
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (!(array.getObject(i) instanceof COSName name)) {
                    throw new IOException("a filter that is not a name");
                }
                names.add(name);
            }
            return names;
        }
        throw new IOException("a filter that is not a name");
    }

    /** Counts decoded bytes across the document and stops the reading once they pass the budget. */
    private static final class ContentBudget {
        private long left;

        ContentBudget(long bytes) {
            this.left = bytes;
        }

        OutputStream sink(OutputStream out) {
            return new FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    spend(1);
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    spend(len);
                    out.write(b, off, len);
                }
            };
        }

        private void spend(long bytes) throws IOException {
            left -= bytes;
            if (left < 0) {
                throw new IOException("page content decodes to more than " + CONTENT_BUDGET + " bytes");
            }
        }
    }

    /** {@code PDF/A-2b} when the XMP says so, else {@code PDF}. */
    private static String pdfaName(PDDocument document) throws IOException {
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return "PDF";
        }
        PdfaId id = new PdfaId();
        try (InputStream xmp = metadata.exportXMPMetadata()) {
            SecureXml.parse(xmp, id);
        } catch (SAXException e) {
            return "PDF";
        }
        return id.part == null ? "PDF" : "PDF/A-" + id.part + (id.conformance == null ? "" : id.conformance.toLowerCase(Locale.ROOT));
    }

    private static boolean endsWithEof(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            byte[] tail = new byte[(int) Math.min(TAIL, length)];
            in.seek(length - tail.length);
            in.readFully(tail);
            return new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads {@code pdfaid:part} and {@code pdfaid:conformance}, written as attributes or as elements. */
    private static final class PdfaId extends DefaultHandler {
        private static final String PART = "[1-9]";
        private static final String LETTER = "[A-Za-z]";
        String part;
        String conformance;
        private StringBuilder text;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            part = first(part, attributes.getValue(PDFAID, "part"), PART);
            conformance = first(conformance, attributes.getValue(PDFAID, "conformance"), LETTER);
            text = PDFAID.equals(uri) ? new StringBuilder() : null;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (text != null && PDFAID.equals(uri)) {
                if (localName.equals("part")) {
                    part = first(part, text.toString(), PART);
                } else if (localName.equals("conformance")) {
                    conformance = first(conformance, text.toString(), LETTER);
                }
            }
            text = null;
        }

        /** Keeps the first short, plain value (a part number, a conformance letter): the XMP may hold anything. */
        private static String first(String kept, String value, String pattern) {
            if (kept != null || value == null) {
                return kept;
            }
            String v = value.strip();
            return v.matches(pattern) ? v : null;
        }
    }
}
