package cn.lantai.preservation.internal.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML from outside read safely (OWASP XXE prevention): streamed with SAX, a DOCTYPE allowed but no external DTD,
 * entity or schema ever fetched (an external entity reads as empty), entity expansion bounded by the JDK's secure
 * processing limits so an entity bomb fails instead of filling the memory.
 */
final class SecureXml {

    private static final SAXParserFactory FACTORY = factory();

    private SecureXml() {
    }

    /** Parses the whole stream into the handler; throws on any well-formedness error. */
    static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        SAXParser parser;
        try {
            // a factory is not thread-safe; each parser it makes is used by one thread only
            synchronized (FACTORY) {
                parser = FACTORY.newSAXParser();
            }
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser supports these settings", e);
        }
        parser.parse(in, new NoExternalEntities(handler));
    }

    /** The root element's local name, after checking the whole document is well-formed. */
    static String rootElement(InputStream in) throws IOException, SAXException {
        String[] root = new String[1];
        parse(in, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (root[0] == null) {
                    root[0] = localName;
                }
            }
        });
        return root[0];
    }

    private static SAXParserFactory factory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser supports these features", e);
        }
    }

    /** Passes events to the handler but answers every external entity with nothing. */
    private static final class NoExternalEntities extends DefaultHandler {
        private final DefaultHandler handler;

        NoExternalEntities(DefaultHandler handler) {
            this.handler = handler;
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            handler.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            handler.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            handler.characters(ch, start, length);
        }
    }
}
