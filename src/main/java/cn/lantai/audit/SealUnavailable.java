package cn.lantai.audit;

/**
 * A sealed PDF cannot be made on this machine: no CJK TrueType font was found to carry the Chinese text (install
 * Debian's {@code fonts-arphic-gbsn00lp} or set {@code lantai.fonts.cjk}). Ask {@link ArchiveSeal#pdfAvailable()}
 * first to offer the PDF only where it can be made.
 */
public class SealUnavailable extends IllegalStateException {

    public SealUnavailable(String message) {
        super(message);
    }
}
