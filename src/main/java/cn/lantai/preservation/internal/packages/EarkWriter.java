package cn.lantai.preservation.internal.packages;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.preservation.Digests;
import cn.lantai.preservation.StoredFile;

/**
 * An E-ARK-style information package (CSIP 2.x structure) in a zip: {@code <OBJID>/METS.xml} lists every other file
 * with its size and SHA-256; each record's description as Dublin Core XML and as Lantai's JSON under
 * {@code metadata/descriptive/<档号>/}, its PREMIS under {@code metadata/preservation/<档号>/premis.xml}, and its
 * content as one representation, {@code representations/<档号>/data/…}. The METS sections are written aside while
 * records are added and put together at the end, so the package is never held in memory. What of CSIP this is, and is
 * not, is in docs/CONFORMANCE.md.
 */
final class EarkWriter implements PackageWriter {

    private static final String METS = "http://www.loc.gov/METS/";
    private static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";

    private final ZipParts zip;
    private final String objectId;
    private final Path work;
    private final String agent;
    private final String created = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    private final BufferedWriter dmd;
    private final BufferedWriter amd;
    private final BufferedWriter files;
    private final BufferedWriter struct;
    private int records;

    EarkWriter(ZipParts zip, String objectId, Path work, String agent) throws IOException {
        this.zip = zip;
        this.objectId = objectId;
        this.work = work;
        this.agent = agent;
        this.dmd = part("dmd");
        this.amd = part("amd");
        this.files = part("files");
        this.struct = part("struct");
    }

    @Override
    public void add(PackagedRecord record) throws IOException {
        int n = ++records;
        String folder = record.folder();
        String dmdId = "dmd-" + n;
        dmd.write("  <dmdSec ID=\"" + dmdId + "\" CREATED=\"" + created + "\">\n");
        mdRef(dmd, "metadata/descriptive/" + folder + "/dc.xml", "DC", null, "text/xml",
                dublinCore(record.item()));
        mdRef(dmd, "metadata/descriptive/" + folder + "/description.json", "OTHER", "LANTAI-DESCRIPTION",
                "application/json", record.description());
        dmd.write("  </dmdSec>\n");
        String admId = null;
        if (record.premis().isPresent()) {
            admId = "amd-" + n;
            amd.write("  <amdSec ID=\"" + admId + "\">\n    <digiprovMD ID=\"premis-" + n + "\">\n");
            mdRef(amd, "metadata/preservation/" + folder + "/premis.xml", "PREMIS", null, "text/xml",
                    record.premis().get());
            amd.write("    </digiprovMD>\n  </amdSec>\n");
        }
        files.write("    <fileGrp ID=\"grp-" + n + "\" USE=\"Representations/" + xml(folder) + "\">\n");
        StringBuilder pointers = new StringBuilder();
        int f = 0;
        for (StoredFile file : record.files()) {
            String path = "representations/" + folder + "/data/" + file.name();
            zip.storedFile(objectId + "/" + path, record.item().id(), file);
            String fileId = "file-" + n + "-" + (++f);
            pointers.append("        <fptr FILEID=\"").append(fileId).append("\"/>\n");
            files.write("      <file ID=\"" + fileId + "\" MIMETYPE=\"" + xml(file.format())
                    + "\" SIZE=\"" + file.size() + "\" CREATED=\"" + created + "\" CHECKSUM=\"" + file.sha256()
                    + "\" CHECKSUMTYPE=\"SHA-256\">\n        <FLocat LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\""
                    + href(path) + "\"/>\n      </file>\n");
        }
        files.write("    </fileGrp>\n");
        struct.write("      <div ID=\"div-" + n + "\" LABEL=\"Representations/" + xml(folder) + "\" DMDID=\"" + dmdId
                + "\"" + (admId == null ? "" : " ADMID=\"" + admId + "\"") + ">\n" + pointers + "      </div>\n");
    }

    @Override
    public void finish() throws IOException {
        close();
        Path mets = work.resolve("METS.xml");
        try (BufferedWriter out = Files.newBufferedWriter(mets, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mets xmlns=\"" + METS
                    + "\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:csip=\"" + CSIP + "\" OBJID=\""
                    + xml(objectId) + "\" LABEL=\"" + records + " records\" TYPE=\"Mixed\""
                    + " csip:CONTENTINFORMATIONTYPE=\"MIXED\""
                    + " PROFILE=\"https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml\">\n"
                    + "  <metsHdr CREATEDATE=\"" + created + "\" RECORDSTATUS=\"NEW\" csip:OAISPACKAGETYPE=\"SIP\">\n"
                    + "    <agent ROLE=\"CREATOR\" TYPE=\"OTHER\" OTHERTYPE=\"SOFTWARE\"><name>Lantai</name>"
                    + "<note csip:NOTETYPE=\"SOFTWARE VERSION\">1</note></agent>\n"
                    + "    <agent ROLE=\"ARCHIVIST\" TYPE=\"ORGANIZATION\"><name>" + xml(agent) + "</name></agent>\n"
                    + "  </metsHdr>\n");
            copy(out, "dmd");
            copy(out, "amd");
            out.write("  <fileSec ID=\"filesec-1\">\n");
            copy(out, "files");
            out.write("  </fileSec>\n  <structMap ID=\"structmap-1\" TYPE=\"PHYSICAL\" LABEL=\"CSIP\">\n"
                    + "    <div ID=\"div-root\" LABEL=\"" + xml(objectId) + "\">\n");
            copy(out, "struct");
            out.write("    </div>\n  </structMap>\n</mets>\n");
        }
        zip.file(objectId + "/METS.xml", mets);
    }

    @Override
    public void close() throws IOException {
        try (dmd; amd; files; struct) {
            // all four closed, the later ones even when an earlier one fails
        }
    }

    /** Writes the document into the package and an {@code mdRef} to it with its size and SHA-256. */
    private void mdRef(Writer section, String path, String type, String otherType, String mime, byte[] content)
            throws IOException {
        zip.bytes(objectId + "/" + path, content);
        Digests digests = Digests.of(new ByteArrayInputStream(content));
        section.write("    <mdRef LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\"" + href(path) + "\" MDTYPE=\""
                + type + "\"" + (otherType == null ? "" : " OTHERMDTYPE=\"" + otherType + "\"") + " MIMETYPE=\"" + mime
                + "\" SIZE=\"" + content.length + "\" CREATED=\"" + created + "\" CHECKSUM=\"" + digests.sha256()
                + "\" CHECKSUMTYPE=\"SHA-256\"/>\n");
    }

    /** The record's description as simple Dublin Core (the fields DC has a place for). */
    static byte[] dublinCore(Item item) {
        StringBuilder dc = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oai_dc:dc"
                + " xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        element(dc, "identifier", item.archivalCode());
        element(dc, "identifier", "lantai:" + item.id().value());
        element(dc, "title", item.description().get(DescriptionField.TITLE));
        element(dc, "creator", item.description().get(DescriptionField.CREATOR));
        element(dc, "date", item.description().get(DescriptionField.DATE));
        element(dc, "type", item.description().get(DescriptionField.DOC_TYPE));
        element(dc, "language", item.description().get(DescriptionField.LANGUAGE));
        element(dc, "subject", item.description().get(DescriptionField.KEYWORDS));
        element(dc, "description", item.description().get(DescriptionField.SCOPE_NOTE));
        element(dc, "rights", item.description().classification().label() + "；"
                + item.description().openStatus().label());
        dc.append("</oai_dc:dc>\n");
        return dc.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder dc, String name, String value) {
        if (value != null && !value.isBlank()) {
            dc.append("  <dc:").append(name).append('>').append(xml(value)).append("</dc:").append(name).append(">\n");
        }
    }

    /** A relative URI reference to a path of the package: each part percent-encoded as UTF-8. */
    static String href(String path) {
        StringBuilder href = new StringBuilder();
        for (String part : path.split("/", -1)) {
            href.append(href.isEmpty() ? "" : "/").append(URLEncoder.encode(part, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return href.toString();
    }

    /** Text as XML 1.0 character data or attribute value; characters XML 1.0 cannot carry become U+FFFD. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD);
            }
        });
        return out.toString();
    }

    private BufferedWriter part(String name) throws IOException {
        return Files.newBufferedWriter(work.resolve(name + ".part"), StandardCharsets.UTF_8);
    }

    private void copy(Writer out, String name) throws IOException {
        try (var in = Files.newBufferedReader(work.resolve(name + ".part"), StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
    }
}
