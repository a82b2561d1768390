package cn.lantai.preservation.internal.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.xml.sax.SAXException;

/**
 * A zip container, read from its central directory (never unpacked): an OFD (GB/T 33190-2016) is a zip whose root
 * holds {@code OFD.xml} with the root element {@code ofd:OFD}; anything else is a plain zip, which is compression and
 * so not archival. An entry with the encryption flag makes the whole container encrypted.
 */
final class Zips {

    static final String ZIP = "application/zip";
    static final String OFD = "application/ofd";
    private static final String OFD_ENTRY = "OFD.xml";

    private Zips() {
    }

    static Reading read(Path file) {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            boolean encrypted = Collections.list(zip.getEntries()).stream()
                    .anyMatch(entry -> entry.getGeneralPurposeBit().usesEncryption());
            ZipArchiveEntry ofd = zip.getEntry(OFD_ENTRY);
            if (ofd == null) {
                return new Reading(ZIP, "ZIP", true, encrypted);
            }
            if (encrypted) {
                return new Reading(OFD, "OFD", false, true);
            }
            return new Reading(OFD, "OFD", isOfdRoot(zip, ofd), false);
        } catch (IOException | RuntimeException e) {
            return Reading.failed(ZIP, "ZIP");
        }
    }

    private static boolean isOfdRoot(ZipFile zip, ZipArchiveEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            return "OFD".equals(SecureXml.rootElement(in));
        } catch (IOException | SAXException | RuntimeException e) {
            return false;
        }
    }
}
