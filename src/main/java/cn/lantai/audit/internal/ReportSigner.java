package cn.lantai.audit.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import cn.lantai.audit.SealCheck;
import org.springframework.stereotype.Component;

/**
 * Signs with the archive's SM2 key (the key of the trail's checkpoints and receipts) what the archive issues under its
 * seal, the trail's reports, transfer receipts and four-properties reports among them: a detached
 * CMS SignedData (RFC 5652), SM3withSM2 (GM/T 0010), carrying a certificate of the key that the key signs itself.
 * The certificate only carries the public key to the reader: trust in it comes from comparing its key with the
 * archive's public key ({@code sm2-key.pub.pem}) or its fingerprint, as for the checkpoints.
 */
@Component
public class ReportSigner {

    private static final Provider BC = Sm2Provider.get();
    private static final String ALGORITHM = "SM3withSM2";

    private final AuditKeys keys;

    ReportSigner(AuditKeys keys) {
        this.keys = keys;
    }

    /** The DER-encoded CMS SignedData over the content, the content itself not included. */
    public byte[] sign(byte[] content) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(ALGORITHM).setProvider(BC).build(keys.privateKey());
            X509Certificate certificate = certificate(signer);
            CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
            cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()).build(signer, certificate));
            cms.addCertificates(new JcaCertStore(List.of(certificate)));
            return cms.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CMSException | GeneralSecurityException
                | IOException e) {
            throw new IllegalStateException("signing with the archive's key failed", e);
        }
    }

    /**
     * Whether {@code signature} is a detached CMS SignedData over the content whose every signer verifies with the
     * archive's public key (not with whatever certificate it carries); false for anything malformed.
     */
    public boolean verify(byte[] content, byte[] signature) {
        return SealCheck.cmsSignedBy(content, signature, keys.publicKey());
    }

    /** The archive's public key (null when the key files are missing). */
    public PublicKey publicKey() {
        return keys.publicKey();
    }

    /**
     * A self-signed X.509 certificate of the archive's public key, DER: it only carries the key to a reader (an OFD
     * seal needs one), trust comes from comparing the key with the published one or its fingerprint.
     */
    public byte[] certificate() {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(ALGORITHM).setProvider(BC).build(keys.privateKey());
            return certificate(signer).getEncoded();
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("certifying the archive's key failed", e);
        }
    }

    private X509Certificate certificate(ContentSigner signer) throws GeneralSecurityException {
        X500Name archive = new X500Name("CN=Lantai archive seal, O=Lantai");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(archive, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), archive,
                keys.publicKey());
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(signer));
    }
}
