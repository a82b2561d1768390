package cn.lantai.access.internal.certificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.lantai.audit.SealCheck;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.signatures.Signatures;
import org.ofdrw.core.signatures.range.Reference;
import org.ofdrw.core.signatures.sig.Signature;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.TBS_Sign;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.ResourceLocator;
import org.ofdrw.sign.verify.OFDValidator;
import org.ofdrw.sign.verify.exceptions.DocNotSignException;
import org.ofdrw.sign.verify.exceptions.FileIntegrityException;
import org.ofdrw.sign.verify.exceptions.InvalidSignedValueException;

/**
 * Checks an OFD's electronic seal against a given SM2 public key alone (the archive's, as published): the package is a
 * well-formed zip with nothing after its end record, no entry twice and no more than {@value #MAX_ENTRIES} entries or
 * {@value #MAX_UNPACKED} bytes unpacked; it carries exactly one signature, whose Signature.xml lists the SM3 of every
 * other file of the package (nothing added beside it) and each digest matches (ofdrw's validator); the SES_Signature
 * (v4) it points to has as dataHash the SM3 of that Signature.xml, and both its signature and its seal's verify
 * SM3withSM2 with the key, not with the certificates they carry.
 */
public final class OfdSeals {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_UNPACKED = 512L << 20;
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
        Set<String> entries;
        try {
            entries = entries(ofd);
        } catch (IOException | RuntimeException e) {
            return Outcome.no("access.certificate.problem.malformed");
        }
        if (entries == null) {
            return Outcome.no("access.certificate.problem.malformed");
        }
        Path file = null;
        try {
            file = Files.createTempFile("lantai-verify-", ".ofd");
            Files.write(file, ofd);
            return verify(file, entries, key);
        } catch (IOException e) {
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
            // the files as the validator finds them: Signature.xml relative to Signatures.xml, the rest to it
            rl.save();
            Set<String> exempt = new HashSet<>();
            Set<String> covered = new HashSet<>();
            try {
                rl.cd("/");
                rl.cd(signaturesLoc.parent());
                ST_Loc base = list.getSignatures().get(0).getBaseLoc();
                exempt.add(name(root, rl.getFile(base)));
                Signature signature = rl.get(base, Signature::new);
                rl.cd(base.parent());
                exempt.add(name(root, rl.getFile(signature.getSignedValue())));
                for (Reference ref : signature.getSignedInfo().getReferences().getReferences()) {
                    covered.add(name(root, rl.getFile(ref.getFileRef())));
                }
            } finally {
                rl.restore();
            }
            for (String entry : entries) {
                if (!exempt.contains(entry) && !covered.contains(entry)) {
                    return Outcome.no("access.certificate.problem.not-covered");
                }
            }
            String number = reader.getOFDDir().getOfd().getDocBody().getDocInfo().getSubject();
            OFDValidator validator = new OFDValidator(reader);
            validator.setValidator((type, alg, tbs, value) -> checkSignedValue(tbs, value, key));
            validator.exeValidate();
            return new Outcome(true, null, number);
        } catch (InvalidSignedValueException e) {
            return Outcome.no("access.certificate.problem.signature");
        } catch (FileIntegrityException e) {
            return Outcome.no("access.certificate.problem.altered");
        } catch (DocNotSignException e) {
            return Outcome.no("access.certificate.problem.unsigned");
        } catch (Exception e) {
            // anything ofdrw cannot read (a missing file, broken XML) is no sealed OFD
            return Outcome.no("access.certificate.problem.malformed");
        }
    }

    private static String name(Path root, Path file) {
        return strip(root.relativize(file.toAbsolutePath().normalize()).toString());
    }

    /** The SES_Signature: its dataHash is the SM3 of Signature.xml, it and its seal are signed by the key. */
    private static void checkSignedValue(byte[] signatureXml, byte[] signedValue, PublicKey key)
            throws InvalidSignedValueException, IOException {
        SES_Signature ses;
        try {
            ses = SES_Signature.getInstance(signedValue);
        } catch (RuntimeException e) {
            throw new InvalidSignedValueException("not an SES_Signature v4");
        }
        TBS_Sign toSign = ses.getToSign();
        if (!Arrays.equals(toSign.getDataHash().getOctets(), new SM3.Digest().digest(signatureXml))) {
            throw new InvalidSignedValueException("dataHash is not the SM3 of Signature.xml");
        }
        if (!SealCheck.sm2SignedBy(toSign.getEncoded("DER"), ses.getSignature().getOctets(), key)) {
            throw new InvalidSignedValueException("the signature is not the archive key's");
        }
        SESeal seal = toSign.getEseal();
        if (!SealCheck.sm2SignedBy(seal.geteSealInfo().getEncoded("DER"), seal.getSignedValue().getOctets(), key)) {
            throw new InvalidSignedValueException("the seal is not the archive key's");
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

    /** The package's file names, or null when an entry repeats or it unpacks beyond the limits. */
    private static Set<String> entries(byte[] zip) throws IOException {
        Set<String> names = new HashSet<>();
        long unpacked = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                if (!names.add(strip(e.getName())) || names.size() > MAX_ENTRIES) {
                    return null;
                }
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED) {
                        return null;
                    }
                }
            }
        }
        return names.isEmpty() ? null : names;
    }

    private static String strip(String loc) {
        String s = loc.replace('\\', '/');
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }
}
