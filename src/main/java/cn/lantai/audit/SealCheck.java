package cn.lantai.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import cn.lantai.audit.internal.Sm2Provider;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Checks what the archive signed against a given SM2 public key, with nothing else: no Spring context, no database,
 * no private key. The archive's own checks ({@link ArchiveSeal}) go through it with the archive's key; an offline
 * verifier goes through it with the published PEM ({@code GET /api/v1/public/keys}). Every check answers false (never
 * throws) for anything malformed.
 */
public final class SealCheck {

    private static final Provider BC = Sm2Provider.get();
    /** SM2 with SM3 (GM/T 0006: 1.2.156.10197.1.501), or SM2 signing (1.2.156.10197.1.301.1), in a SignerInfo. */
    private static final java.util.Set<String> SM2_SIGNATURES = java.util.Set.of(
            GMObjectIdentifiers.sm2sign_with_sm3.getId(), GMObjectIdentifiers.sm2sign.getId());

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
     * but its own place (nothing added after sealing); false for anything that is no such PDF. The place itself is
     * held to one exact form, so that no byte of the file can change unnoticed: the hex string is the DER of the CMS
     * and zeros after it, in one letter case, and the CMS is {@link #strictCms strict}.
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
                int[] range = signature.getByteRange();
                if (range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] <= range[1] + 1
                        || (long) range[2] + range[3] > pdf.length) {
                    return false;
                }
                byte[] contents = signature.getContents(pdf);
                byte[] der = der(contents);
                if (!canonicalHex(pdf, range[1], range[2], contents) || !zerosAfter(contents, der.length)
                        || !strictCms(der, key)
                        || !cmsSignedBy(signature.getSignedContent(pdf), der, key)) {
                    return false;
                }
            }
            int[] range = signatures.get(signatures.size() - 1).getByteRange();
            return (long) range[2] + range[3] == pdf.length;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The gap between the signed ranges is {@code <hex>} of exactly these bytes, all upper or all lower case. */
    private static boolean canonicalHex(byte[] pdf, int from, int to, byte[] contents) {
        String gap = new String(pdf, from, to - from, StandardCharsets.ISO_8859_1);
        String hex = HexFormat.of().formatHex(contents);
        return gap.equals("<" + hex + ">") || gap.equals("<" + hex.toUpperCase(java.util.Locale.ROOT) + ">");
    }

    private static boolean zerosAfter(byte[] contents, int length) {
        for (int i = length; i < contents.length; i++) {
            if (contents[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The CMS SignedData as the archive makes it and nothing more, so that none of its unsigned parts can change
     * unnoticed: a ContentInfo of signedData over detached id-data, version 1, one digest algorithm (SM3, no parameters) which is the signer's, no CRLs, one certificate
     * whose key is this key and whose signature verifies with it, one signer (version 1) that names that certificate,
     * signs with SM2 and has signed attributes but no unsigned ones.
     */
    private static boolean strictCms(byte[] der, PublicKey key) {
        try {
            CMSSignedData cms = new CMSSignedData(der);
            ContentInfo info = ContentInfo.getInstance(der);
            SignedData signed = SignedData.getInstance(info.getContent());
            if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())
                    || !CMSObjectIdentifiers.data.equals(signed.getEncapContentInfo().getContentType())
                    || signed.getEncapContentInfo().getContent() != null
                    || !signed.getVersion().hasValue(1) || signed.getDigestAlgorithms().size() != 1
                    || signed.getCRLs() != null && signed.getCRLs().size() > 0) {
                return false;
            }
            var certificates = cms.getCertificates().getMatches(null);
            var signers = cms.getSignerInfos().getSigners();
            if (certificates.size() != 1 || signers.size() != 1) {
                return false;
            }
            X509CertificateHolder certificate = certificates.iterator().next();
            SignerInformation signer = signers.iterator().next();
            AlgorithmIdentifier digest = AlgorithmIdentifier.getInstance(signed.getDigestAlgorithms().getObjectAt(0));
            return Arrays.equals(certificate.getSubjectPublicKeyInfo().getEncoded(), key.getEncoded())
                    && certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC)
                            .build(key))
                    && signer.getVersion() == 1 && signer.getSID().match(certificate)
                    && signer.getDigestAlgorithmID().equals(digest)
                    && GMObjectIdentifiers.sm3.equals(digest.getAlgorithm()) && digest.getParameters() == null
                    && SM2_SIGNATURES.contains(signer.getEncryptionAlgOID())
                    && signer.getSignedAttributes() != null && signer.getUnsignedAttributes() == null;
        } catch (CMSException | OperatorCreationException | CertException | IOException | RuntimeException e) {
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
