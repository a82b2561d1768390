package cn.lantai.preservation;

/**
 * What a file is by its content (never by its name) and whether it serves as an archival record (DA/T 70 usability):
 * its media type ({@code application/pdf}), a format name for people ({@code PDF/A-2b}, {@code OFD}), whether the
 * format is on the configured list of archival formats, whether a reader for the format opened it, whether it is
 * encrypted, and the first problem found as a message key ({@link #EMPTY}, {@link #ENCRYPTED},
 * {@link #NOT_ARCHIVAL}, {@link #UNREADABLE}), null when there is none. The keys have texts in the message bundles.
 */
public record FormatReport(String mediaType, String formatName, boolean archival, boolean opens, boolean encrypted,
                           String problem) {

    /** A 0-byte file: nothing to keep. */
    public static final String EMPTY = "format.empty";
    /** Encrypted content (a password on a PDF, an encrypted zip entry): GB/T 18894 allows no encryption. */
    public static final String ENCRYPTED = "format.encrypted";
    /** The format is not on the list of archival formats (an executable, a zip, a RAR …). */
    public static final String NOT_ARCHIVAL = "format.not-archival";
    /** The format is archival but its reader failed: truncated, corrupt, or not what its first bytes claim. */
    public static final String UNREADABLE = "format.unreadable";

    /** Whether the file passes the usability check: archival, opens, not encrypted. */
    public boolean usable() {
        return problem == null;
    }
}
