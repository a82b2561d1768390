package cn.lantai.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks what the archive signed against a given SM2 public key, with nothing else: no Spring context, no database,
 * no private key. The archive's own checks ({@link ArchiveSeal}) go through it with the archive's key; an offline
 * verifier goes through it with the published PEM ({@code GET /api/v1/public/keys}). Every check answers false (never
 * throws) for anything malformed.
 */
public final class SealCheck {

    private static final Provider BC = new BouncyCastleProvider();

    private SealCheck() {
    }

    /** The SM2 public key of an X.509 {@code PUBLIC KEY} PEM (as {@link ArchiveSeal#publicKeyPem()} gives it). */
    public static PublicKey publicKey(String pem) {
        try {
            String body = pem.replaceAll("-----[A-Z ]+-----", "");
            return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(
                    Base64.getMimeDecoder().decode(body.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an SM2 public key in X.509 PEM: " + e.getMessage(), e);
        }
    }

    /** The SM3 digest (hex) of the key's X.509 DER: the fingerprint the archive publishes beside its key. */
    public static String fingerprint(PublicKey key) {
        byte[] der = key.getEncoded();
        SM3Digest sm3 = new SM3Digest();
        sm3.update(der, 0, der.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * Whether {@code signature} is a detached CMS SignedData over the content whose every signer verifies with the
     * key (not with whatever certificate it carries).
     */
    public static boolean cmsSignedBy(byte[] content, byte[] signature, PublicKey key) {
        if (content == null || signature == null || signature.length == 0 || key == null) {
            return false;
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            var signers = cms.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return false;
            }
            var verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(key);
            for (SignerInformation signer : signers) {
                if (!signer.verify(verifier)) {
                    return false;
                }
            }
            return true;
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code signature} (DER SEQUENCE of r, s) is the key's SM3withSM2 signature of the content. */
    public static boolean sm2SignedBy(byte[] content, byte[] signature, PublicKey key) {
        if (content == null || signature == null || key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SM3withSM2", BC);
            verifier.initVerify(key);
            verifier.update(content);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the PDF carries signatures that all verify with the key and the last of which covers the whole file
     * but its own place (nothing added after sealing); false for anything that is no such PDF.
     */
    public static boolean pdfSealedBy(byte[] pdf, PublicKey key) {
        if (pdf == null || key == null) {
            return false;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return false;
            }
            for (PDSignature signature : signatures) {
                if (!cmsSignedBy(signature.getSignedContent(pdf), der(signature.getContents(pdf)), key)) {
                    return false;
                }
            }
            int[] range = signatures.get(signatures.size() - 1).getByteRange();
            return range.length == 4 && range[0] == 0 && range[1] >= 0 && range[2] > range[1]
                    && (long) range[2] + range[3] == pdf.length;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The signature's place in the file is padded with zeros after the DER: the DER alone. */
    private static byte[] der(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            return in.readObject().getEncoded();
        }
    }
}
