package cn.lantai.preservation.internal.store;

import cn.lantai.preservation.PreservationEvent;
import cn.lantai.preservation.StoredFile;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * A record's PREMIS 3 document ({@code metadata/premis.xml}): one file object per content file (its SHA-256 and SM3
 * fixity, size and format), every event of the record's life, and the agents those events name. It is written whole
 * at each version, so any version read alone tells the record's history up to it.
 */
public final class PremisDocument {

    /**
     * Made once: a factory's lookup scans the class path (a third of the fixity audit's time went there when made per
     * document); configured before first use and only read after, which the StAX implementations allow from any thread.
     */
    private static final XMLOutputFactory WRITERS = XMLOutputFactory.newFactory();
    private static final XMLInputFactory READERS = readers();

    static final String NS = "http://www.loc.gov/premis/v3";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String SOFTWARE = "Lantai";

    private final List<StoredFile> files;
    private final List<PreservationEvent> events;

    public PremisDocument(List<StoredFile> files, List<PreservationEvent> events) {
        this.files = List.copyOf(files);
        this.events = List.copyOf(events);
    }

    public List<StoredFile> files() {
        return files;
    }

    public List<PreservationEvent> events() {
        return events;
    }

    public byte[] toXml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = WRITERS.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("premis", NS);
            xml.writeStartElement(NS, "premis");
            xml.writeNamespace("premis", NS);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("version", "3.0");
            for (StoredFile file : files) {
                writeObject(xml, file);
            }
            for (PreservationEvent event : events) {
                writeEvent(xml, event);
            }
            Set<String> agents = new LinkedHashSet<>();
            events.forEach(e -> agents.add(e.agent()));
            for (String agent : agents) {
                xml.writeStartElement(NS, "agent");
                xml.writeStartElement(NS, "agentIdentifier");
                text(xml, "agentIdentifierType", "local");
                text(xml, "agentIdentifierValue", agent);
                xml.writeEndElement();
                text(xml, "agentName", agent);
                text(xml, "agentType", agent.startsWith(SOFTWARE) || agent.startsWith("ClamAV") ? "software" : "person");
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write PREMIS", e);
        }
        return out.toByteArray();
    }

    /**
     * In the PREMIS 3.0 schema's order for a file object: objectIdentifier, preservationLevel?,
     * significantProperties*, objectCharacteristics+, originalName?, …
     */
    private static void writeObject(XMLStreamWriter xml, StoredFile file) throws XMLStreamException {
        xml.writeStartElement(NS, "object");
        xml.writeAttribute("xsi", XSI, "type", "premis:file");
        xml.writeStartElement(NS, "objectIdentifier");
        text(xml, "objectIdentifierType", "local");
        text(xml, "objectIdentifierValue", file.name());
        xml.writeEndElement();
        xml.writeStartElement(NS, "significantProperties");
        text(xml, "significantPropertiesType", "version");
        text(xml, "significantPropertiesValue", Integer.toString(file.version()));
        xml.writeEndElement();
        xml.writeStartElement(NS, "objectCharacteristics");
        text(xml, "compositionLevel", "0");
        fixity(xml, "SHA-256", file.sha256());
        fixity(xml, "SM3", file.sm3());
        text(xml, "size", Long.toString(file.size()));
        xml.writeStartElement(NS, "format");
        xml.writeStartElement(NS, "formatDesignation");
        text(xml, "formatName", file.format() == null ? "application/octet-stream" : file.format());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        text(xml, "originalName", file.name());
        xml.writeEndElement();
    }

    private static void fixity(XMLStreamWriter xml, String algorithm, String digest) throws XMLStreamException {
        xml.writeStartElement(NS, "fixity");
        text(xml, "messageDigestAlgorithm", algorithm);
        text(xml, "messageDigest", digest);
        xml.writeEndElement();
    }

    private static void writeEvent(XMLStreamWriter xml, PreservationEvent event) throws XMLStreamException {
        xml.writeStartElement(NS, "event");
        xml.writeStartElement(NS, "eventIdentifier");
        text(xml, "eventIdentifierType", "UUID");
        text(xml, "eventIdentifierValue", identifier(event));
        xml.writeEndElement();
        text(xml, "eventType", event.type());
        text(xml, "eventDateTime", event.at().toString());
        if (event.detail() != null) {
            xml.writeStartElement(NS, "eventDetailInformation");
            text(xml, "eventDetail", event.detail());
            xml.writeEndElement();
        }
        xml.writeStartElement(NS, "eventOutcomeInformation");
        text(xml, "eventOutcome", event.outcome());
        xml.writeEndElement();
        xml.writeStartElement(NS, "linkingAgentIdentifier");
        text(xml, "linkingAgentIdentifierType", "local");
        text(xml, "linkingAgentIdentifierValue", event.agent());
        xml.writeEndElement();
        if (event.file() != null) {
            xml.writeStartElement(NS, "linkingObjectIdentifier");
            text(xml, "linkingObjectIdentifierType", "local");
            text(xml, "linkingObjectIdentifierValue", event.file());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The same event gets the same identifier each time the document is written. */
    private static String identifier(PreservationEvent e) {
        String key = e.type() + '\u0000' + e.at() + '\u0000' + e.agent() + '\u0000' + e.outcome() + '\u0000'
                + e.detail() + '\u0000' + e.file();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    /** Reads a document this class wrote (DTDs and external entities are refused). */
    public static PremisDocument read(InputStream in) {
        List<StoredFile> files = new ArrayList<>();
        List<PreservationEvent> events = new ArrayList<>();
        try {
            XMLStreamReader xml = READERS.createXMLStreamReader(in);
            Fields fields = null;
            String element = null;
            while (xml.hasNext()) {
                int step = xml.next();
                if (step == XMLStreamConstants.START_ELEMENT) {
                    element = xml.getLocalName();
                    if (element.equals("object") || element.equals("event")) {
                        fields = new Fields();
                    } else if (fields != null && element.equals("messageDigestAlgorithm")) {
                        fields.algorithm = xml.getElementText();
                    } else if (fields != null) {
                        fields.read(element, xml);
                    }
                } else if (step == XMLStreamConstants.END_ELEMENT && fields != null) {
                    if (xml.getLocalName().equals("object")) {
                        files.add(fields.file());
                        fields = null;
                    } else if (xml.getLocalName().equals("event")) {
                        events.add(fields.event());
                        fields = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot read PREMIS", e);
        }
        return new PremisDocument(files, events);
    }

    /** The values of one object or event as they are read. */
    private static final class Fields {
        String algorithm;
        String name;
        String sha256;
        String sm3;
        long size;
        String format;
        int version;
        String type;
        String at;
        String detail;
        String outcome;
        String agent;
        String file;

        void read(String element, XMLStreamReader xml) throws XMLStreamException {
            switch (element) {
                case "objectIdentifierValue" -> name = xml.getElementText();
                case "messageDigest" -> {
                    String digest = xml.getElementText();
                    if ("SM3".equals(algorithm)) {
                        sm3 = digest;
                    } else {
                        sha256 = digest;
                    }
                }
                case "size" -> size = Long.parseLong(xml.getElementText());
                case "formatName" -> format = xml.getElementText();
                case "significantPropertiesValue" -> version = Integer.parseInt(xml.getElementText());
                case "eventType" -> type = xml.getElementText();
                case "eventDateTime" -> at = xml.getElementText();
                case "eventDetail" -> detail = xml.getElementText();
                case "eventOutcome" -> outcome = xml.getElementText();
                case "linkingAgentIdentifierValue" -> agent = xml.getElementText();
                case "linkingObjectIdentifierValue" -> file = xml.getElementText();
                default -> {
                }
            }
        }

        StoredFile file() {
            return new StoredFile(name, size, format, sha256, sm3, version);
        }

        PreservationEvent event() {
            return new PreservationEvent(type, Instant.parse(at), agent, outcome, detail, file);
        }
    }

    private static XMLInputFactory readers() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
