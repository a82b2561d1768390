package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import cn.lantai.preservation.internal.store.PremisDocument;

/**
 * premis.xml follows the PREMIS 3.0 schema's sequences (the XSD is not on Maven Central or in Debian, so the content
 * models of the elements Lantai writes are restated here from premis-v3-0.xsd): a validating reader elsewhere must
 * accept what the store and the packages carry.
 */
class PremisOrderTest {

    private static final String NS = "http://www.loc.gov/premis/v3";

    /** Each element's children in the order the XSD's xs:sequence allows (only those Lantai may write). */
    private static final Map<String, List<String>> SEQUENCES = Map.of(
            "premis", List.of("object", "event", "agent", "rights"),
            "object", List.of("objectIdentifier", "preservationLevel", "significantProperties",
                    "objectCharacteristics", "originalName", "storage", "signatureInformation", "relationship",
                    "linkingEventIdentifier", "linkingRightsStatementIdentifier"),
            "objectCharacteristics", List.of("compositionLevel", "fixity", "size", "format", "creatingApplication",
                    "inhibitors", "objectCharacteristicsExtension"),
            "event", List.of("eventIdentifier", "eventType", "eventDateTime", "eventDetailInformation",
                    "eventOutcomeInformation", "linkingAgentIdentifier", "linkingObjectIdentifier"),
            "agent", List.of("agentIdentifier", "agentName", "agentType", "agentVersion", "agentNote",
                    "agentExtension", "linkingEventIdentifier", "linkingRightsStatementIdentifier",
                    "linkingEnvironmentIdentifier"),
            "significantProperties", List.of("significantPropertiesType", "significantPropertiesValue",
                    "significantPropertiesExtension"));

    @Test
    void aWrittenPremisDocumentFollowsTheSchemasElementOrder() throws Exception {
        StoredFile pdf = new StoredFile("正文.pdf", 12, "application/pdf", "a".repeat(64), "b".repeat(64), 2);
        StoredFile scan = new StoredFile("附件/扫描 1.jpg", 7, null, "c".repeat(64), "d".repeat(64), 1);
        Instant at = Instant.parse("2026-11-30T10:15:00Z");
        List<PreservationEvent> events = List.of(
                new PreservationEvent(PreservationEvent.INGESTION, at, "Lantai", "success", null, null),
                new PreservationEvent(PreservationEvent.MESSAGE_DIGEST_CALCULATION, at, "Lantai", "success",
                        "SHA-256, SM3", "正文.pdf"));

        byte[] xml = new PremisDocument(List.of(pdf, scan), events).toXml();

        Document document = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml));
        List<String> checked = new ArrayList<>();
        checkOrder(document.getDocumentElement(), checked);
        assertThat(checked).contains("premis", "object", "objectCharacteristics", "significantProperties", "event",
                "agent");
        assertThat(PremisDocument.read(new ByteArrayInputStream(xml)).files()).containsExactly(pdf,
                new StoredFile(scan.name(), 7, "application/octet-stream", scan.sha256(), scan.sm3(), 1));
    }

    private static void checkOrder(Element element, List<String> checked) {
        assertThat(element.getNamespaceURI()).isEqualTo(NS);
        List<String> sequence = SEQUENCES.get(element.getLocalName());
        int last = -1;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                if (sequence != null) {
                    int at = sequence.indexOf(e.getLocalName());
                    assertThat(at).as(e.getLocalName() + " is allowed in " + element.getLocalName()).isNotNegative();
                    assertThat(at).as(e.getLocalName() + " after its predecessors in " + element.getLocalName())
                            .isGreaterThanOrEqualTo(last);
                    last = at;
                }
                checkOrder(e, checked);
            }
        }
        if (sequence != null) {
            checked.add(element.getLocalName());
        }
    }
}
