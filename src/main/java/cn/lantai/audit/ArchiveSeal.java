package cn.lantai.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;

import cn.lantai.audit.internal.AuditKeys;
import cn.lantai.audit.internal.CjkFont;
import cn.lantai.audit.internal.PdfReport;
import cn.lantai.audit.internal.ReportSigner;
import cn.lantai.audit.internal.SealStructures;
import org.springframework.stereotype.Service;

/**
 * The archive's seal: what the archive issues (transfer receipts 交接文据, four-properties reports of DA/T 70, the
 * audit trail's reports) signed with its one SM2 key (GB/T 32918), the key that signs the trail's checkpoints, so a
 * reader checks everything the archive signed against one public key and its fingerprint. Signatures are detached
 * CMS SignedData (RFC 5652), SM3withSM2 (GM/T 0010); PDFs carry theirs as adbe.pkcs7.detached over the byte range.
 * It holds no rights of its own: the callers decide who may have a document sealed and record that in the trail.
 */
@Service
public class ArchiveSeal {

    private final PdfReport pdf;
    private final ReportSigner signer;
    private final CjkFont font;
    private final AuditKeys keys;

    ArchiveSeal(PdfReport pdf, ReportSigner signer, CjkFont font, AuditKeys keys) {
        this.pdf = pdf;
        this.signer = signer;
        this.font = font;
        this.keys = keys;
    }

    /** Whether a PDF can be made here (a CJK TrueType font is available); offer PDFs only then. */
    public boolean pdfAvailable() {
        return font.file().isPresent();
    }

    /**
     * The CJK TrueType font the archive's PDFs embed ({@code lantai.fonts.cjk}, else one of Debian's), for other
     * modules' documents with Chinese text (the scanned entries' PDF and OFD copies); empty when none is found.
     */
    public Optional<Path> cjkFont() {
        return font.file();
    }

    /**
     * The document rendered as a Chinese A4 PDF (title, lines, the table if any; text the font cannot draw shows as
     * "?") and signed with the archive's key.
     *
     * @throws SealUnavailable when no CJK font is found ({@link #pdfAvailable()})
     * @throws IllegalStateException when the archive's private key is missing
     */
    public byte[] sealedPdf(SealedDocument document) {
        Path fontFile = font.file().orElseThrow(() -> new SealUnavailable(
                "no CJK TrueType font for a sealed PDF; looked in " + font.searched()
                        + " (install fonts-arphic-gbsn00lp or set lantai.fonts.cjk)"));
        return pdf.render(document, fontFile);
    }

    /**
     * Whether the PDF is sealed by the archive: its signatures verify with the archive's public key and the last
     * covers the whole file. False for a changed byte, a foreign key, an unsigned or malformed file.
     */
    public boolean verifyPdf(byte[] document) {
        return document != null && pdf.sealed(document);
    }

    /**
     * A PDF made elsewhere (a certified copy) signed as the archive's own sealed PDFs are: an incremental update whose
     * adbe.pkcs7.detached signature (CMS SignedData, SM3withSM2) covers the whole file but its own place.
     *
     * @throws IllegalArgumentException when the bytes are no PDF
     * @throws IllegalStateException when the archive's private key is missing
     */
    public byte[] sealPdf(byte[] pdfDocument, String signer, String reason) {
        try {
            return pdf.seal(pdfDocument, signer, reason);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PDF to seal: " + e.getMessage(), e);
        }
    }

    /**
     * The archive key's bare SM3withSM2 signature (GM/T 0009 signer id 1234567812345678, DER {@code SEQUENCE {r, s}})
     * of an OFD seal's structure (GB/T 38540 v4), and of nothing else: the DER of a {@code TBS_Sign} or of an
     * {@code SES_SealInfo}, in canonical DER. The key also signs the trail's checkpoints and CMS signatures; what this
     * signs is never a checkpoint line nor a CMS signed-attribute set, so it cannot be made to sign one.
     *
     * @throws IllegalArgumentException for any other bytes
     * @throws IllegalStateException when the archive's private key is missing
     */
    public byte[] signSealStructure(byte[] der) {
        if (!SealStructures.signable(der)) {
            throw new IllegalArgumentException("the archive's key signs bare only a GB/T 38540 TBS_Sign or "
                    + "SES_SealInfo (v4, DER)");
        }
        return keys.sign(der);
    }

    /** A self-signed X.509 certificate (DER) of the archive's public key, for formats that carry one (an OFD seal). */
    public byte[] certificate() {
        return signer.certificate();
    }

    /** The archive's public key, to check with {@link SealCheck}; null when the key files are missing. */
    public PublicKey publicKey() {
        return signer.publicKey();
    }

    /** Signs arbitrary bytes (detached CMS, DER) with the archive's key, for JSON reports and receipts' digests. */
    public byte[] sign(byte[] content) {
        return signer.sign(content);
    }

    /** Whether {@code signature} is a detached CMS signature of the content by the archive's key; false if not. */
    public boolean verify(byte[] content, byte[] signature) {
        return signer.verify(content, signature);
    }

    /** The archive's public key, X.509 PEM, to hand to whoever checks a sealed document. */
    public String publicKeyPem() {
        return keys.publicKeyPem();
    }

    /** The SM3 digest (hex) of the public key's DER, short enough to print on receipts and compare by eye. */
    public String fingerprint() {
        return keys.fingerprint();
    }
}
