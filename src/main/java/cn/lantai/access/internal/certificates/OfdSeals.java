package cn.lantai.access.internal.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import cn.lantai.audit.SealCheck;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.signatures.Signatures;
import org.ofdrw.core.signatures.range.Reference;
import org.ofdrw.core.signatures.range.References;
import org.ofdrw.core.signatures.appearance.Seal;
import org.ofdrw.core.signatures.sig.Signature;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.ResourceLocator;
import org.ofdrw.sign.verify.exceptions.InvalidSignedValueException;

/**
 * Checks an OFD's electronic seal against a given SM2 public key alone (the archive's, as published): the package is a
 * zip in the strict layout of {@link ZipLayout} (its central directory, by which most zip readers and OFD viewers
 * extract, and its local headers, which ofdrw 2.3.1's OFDReader streams, agree, with no byte between entries and none
 * after the end record), its entries listed from the central directory, none twice, no more than {@value #MAX_ENTRIES} of them or {@value #MAX_UNPACKED} bytes unpacked; it
 * carries exactly one signature, whose Signature.xml lists the SM3 of every other file of the package (nothing added
 * beside it) and each digest matches; the Seal.esl it names is the seal inside the SES_Signature (v4) it points to,
 * whose dataHash is the SM3 of that Signature.xml and whose signature and seal both verify SM3withSM2 with the key,
 * not with the certificates they carry. ofdrw's own validator is not used: its ASN.1 parsers need a BouncyCastle
 * method that 1.87 no longer has.
 */
public final class OfdSeals {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_UNPACKED = 512L << 20;
    /** SM3 as OFD's CheckMethod names it: its OID (GM/T 0006) or its name. */
    private static final Set<String> SM3_NAMES = Set.of("1.2.156.10197.1.401", "SM3");
    private static final byte[] END_RECORD = {0x50, 0x4B, 0x05, 0x06};

    private OfdSeals() {
    }

    /** The outcome: whether it verifies, else the bundle key of why; the certificate number it carries, if any. */
    public record Outcome(boolean valid, String problem, String number) {

        static Outcome no(String problem) {
            return new Outcome(false, problem, null);
        }
    }

    public static Outcome verify(byte[] ofd, PublicKey key) {
        if (!endsWithEndRecord(ofd)) {
            return Outcome.no("access.certificate.problem.appended");
        }
        List<String> layout = ZipLayout.names(ofd);
        if (layout == null) {
            return Outcome.no("access.certificate.problem.malformed");
        }
        Path file = null;
        try {
            file = Files.createTempFile("lantai-verify-", ".ofd");
            Files.write(file, ofd);
            Set<String> entries = entries(file, layout);
            return entries == null ? Outcome.no("access.certificate.problem.malformed")
                    : verify(file, entries, key);
        } catch (IOException | RuntimeException e) {
            return Outcome.no("access.certificate.problem.malformed");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temp file left behind holds only what was uploaded
                }
            }
        }
    }

    private static Outcome verify(Path file, Set<String> entries, PublicKey key) {
        try (OFDReader reader = new OFDReader(file)) {
            ResourceLocator rl = reader.getResourceLocator();
            Path root = reader.getOFDDir().getContainerPath().toAbsolutePath();
            ST_Loc signaturesLoc = reader.getDefaultDocSignaturesPath();
            Signatures list = reader.getDefaultSignatures();
            if (signaturesLoc == null || list == null || list.getSignatures() == null
                    || list.getSignatures().size() != 1) {
                return Outcome.no("access.certificate.problem.unsigned");
            }
            // Signature.xml is found relative to Signatures.xml, the files it names relative to itself
            rl.save();
            try {
                rl.cd("/");
                rl.cd(signaturesLoc.parent());
                ST_Loc base = list.getSignatures().get(0).getBaseLoc();
                Path signatureFile = rl.getFile(base);
                Signature signature = rl.get(base, Signature::new);
                rl.cd(base.parent());
                Path signedValueFile = rl.getFile(signature.getSignedValue());
                Set<String> covered = new HashSet<>(Set.of(name(root, signatureFile), name(root, signedValueFile)));
                References references = signature.getSignedInfo().getReferences();
                if (!SM3_NAMES.contains(String.valueOf(references.getCheckMethod()).toUpperCase(Locale.ROOT))) {
                    return Outcome.no("access.certificate.problem.signature");
                }
                for (Reference ref : references.getReferences()) {
                    Path protectedFile = rl.getFile(ref.getFileRef());
                    byte[] digest = new SM3.Digest().digest(Files.readAllBytes(protectedFile));
                    if (!Arrays.equals(ref.getCheckValue(), digest)) {
                        return Outcome.no("access.certificate.problem.altered");
                    }
                    covered.add(name(root, protectedFile));
                }
                if (!covered.containsAll(entries)) {
                    return Outcome.no("access.certificate.problem.not-covered");
                }
                Seal sealRef = signature.getSignedInfo().getSeal();
                byte[] sealFile = sealRef == null ? null : Files.readAllBytes(rl.getFile(sealRef.getBaseLoc()));
                checkSignedValue(Files.readAllBytes(signatureFile), Files.readAllBytes(signedValueFile), sealFile,
                        key);
            } finally {
                rl.restore();
            }
            return new Outcome(true, null, reader.getOFDDir().getOfd().getDocBody().getDocInfo().getSubject());
        } catch (InvalidSignedValueException e) {
            return Outcome.no("access.certificate.problem.signature");
        } catch (Exception | LinkageError e) {
            // anything that cannot be read as an OFD (a missing file, broken XML) is no sealed OFD
            return Outcome.no("access.certificate.problem.malformed");
        }
    }

    private static String name(Path root, Path file) {
        return strip(root.relativize(file.toAbsolutePath().normalize()).toString());
    }

    /**
     * The SES_Signature (GB/T 38540 v4), read with BouncyCastle's ASN.1 alone: {@code SEQUENCE {toSign TBS_Sign, cert
     * OCTET STRING, signatureAlgID OID, signature BIT STRING, ...}}, {@code TBS_Sign ::= SEQUENCE {version INTEGER (4),
     * eseal SESeal, timeInfo GeneralizedTime, dataHash BIT STRING, propertyInfo IA5String, ...}}, {@code SESeal ::=
     * SEQUENCE {esealInfo SES_SealInfo, cert OCTET STRING, signAlgID OID, signedValue BIT STRING}}. Its dataHash is
     * the SM3 of Signature.xml, the seal file it names (Seal.esl) is that SESeal, and the TBS_Sign and the
     * SES_SealInfo are both signed SM3withSM2 by the key.
     */
    private static void checkSignedValue(byte[] signatureXml, byte[] signedValue, byte[] sealFile, PublicKey key)
            throws InvalidSignedValueException {
        try {
            ASN1Sequence ses = ASN1Sequence.getInstance(signedValue);
            ASN1Sequence toSign = ASN1Sequence.getInstance(ses.getObjectAt(0));
            ASN1Sequence eseal = ASN1Sequence.getInstance(toSign.getObjectAt(1));
            boolean sm2 = GMObjectIdentifiers.sm2sign_with_sm3.equals(ses.getObjectAt(2))
                    && GMObjectIdentifiers.sm2sign_with_sm3.equals(eseal.getObjectAt(2));
            if (!sm2 || ASN1Integer.getInstance(toSign.getObjectAt(0)).intValueExact() != 4) {
                throw new InvalidSignedValueException("not an SES_Signature v4 with SM3withSM2");
            }
            if (sealFile != null && !Arrays.equals(sealFile, eseal.getEncoded(ASN1Encoding.DER))) {
                throw new InvalidSignedValueException("Seal.esl is not the seal in the signature");
            }
            byte[] dataHash = ASN1BitString.getInstance(toSign.getObjectAt(3)).getOctets();
            if (!Arrays.equals(dataHash, new SM3.Digest().digest(signatureXml))) {
                throw new InvalidSignedValueException("dataHash is not the SM3 of Signature.xml");
            }
            if (!SealCheck.sm2SignedBy(toSign.getEncoded(ASN1Encoding.DER),
                    ASN1BitString.getInstance(ses.getObjectAt(3)).getOctets(), key)) {
                throw new InvalidSignedValueException("the signature is not the archive key's");
            }
            if (!SealCheck.sm2SignedBy(eseal.getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER),
                    ASN1BitString.getInstance(eseal.getObjectAt(3)).getOctets(), key)) {
                throw new InvalidSignedValueException("the seal is not the archive key's");
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidSignedValueException("not an SES_Signature v4: " + e.getMessage());
        }
    }

    /** Whether the bytes end with a zip end-of-central-directory record without a comment: nothing appended. */
    private static boolean endsWithEndRecord(byte[] zip) {
        if (zip == null || zip.length < 22) {
            return false;
        }
        int at = zip.length - 22;
        return Arrays.equals(Arrays.copyOfRange(zip, at, at + 4), END_RECORD) && zip[zip.length - 1] == 0
                && zip[zip.length - 2] == 0;
    }

    /**
     * The package's file names as its central directory lists them (what OFDReader extracts), or null when they are
     * not the ones the strict layout found in the same order, an entry repeats, or it unpacks beyond the limits.
     */
    private static Set<String> entries(Path file, List<String> layout) throws IOException {
        if (layout.size() > MAX_ENTRIES) {
            return null;
        }
        Set<String> names = new HashSet<>();
        List<String> listed = new ArrayList<>();
        long unpacked = 0;
        byte[] buffer = new byte[8192];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                listed.add(e.getName());
                if (!names.add(strip(e.getName()))) {
                    return null;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        unpacked += n;
                        if (unpacked > MAX_UNPACKED) {
                            return null;
                        }
                    }
                }
            }
        }
        if (!listed.equals(layout)) {
            return null;
        }
        Set<String> files = new HashSet<>();
        for (String name : listed) {
            if (!name.endsWith("/")) {
                files.add(strip(name));
            }
        }
        return files.isEmpty() ? null : files;
    }

    private static String strip(String loc) {
        String s = loc.replace('\\', '/');
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }
}
