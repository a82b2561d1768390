package cn.lantai.preservation.internal.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Opens a PDF with PDFBox (read from the file, never whole into memory) and reads every page's content, so a
 * truncated or damaged file fails here rather than in a reader's hands. A PDF/A declares itself in its XMP metadata
 * ({@code pdfaid:part}, {@code pdfaid:conformance}, ISO 19005); the declaration is reported, not validated.
 */
final class Pdfs {

    static final String MEDIA_TYPE = "application/pdf";
    private static final String PDFAID = "http://www.aiim.org/pdfa/ns/id/";
    /** ISO 32000 asks for %%EOF on the last line; readers accept it within the last kilobyte. */
    private static final int TAIL = 1024;

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

    private static void readPages(PDDocument document) throws IOException {
        for (PDPage page : document.getPages()) {
            try (InputStream contents = page.getContents()) {
                contents.transferTo(OutputStream.nullOutputStream());
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
