package cn.lantai.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The archive's SM2 key pair (GB/T 32918), which signs the trail's checkpoints, the auditor's receipts and what the
 * archive issues under its seal ({@link cn.lantai.audit.ArchiveSeal}): the private key as PKCS#8 PEM, readable by its
 * owner only where the file system allows, the public key (X.509 PEM) beside it, both apart from the data directory
 * by default ({@code ~/.lantai/keys}). Made at the first start (no key, no checkpoint yet). Signatures are SM3withSM2
 * with the standard's default signer id, so any SM2 tool can check a checkpoint line with the public key alone.
 */
@Component
public class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    /** Used directly rather than installed JVM-wide, so nothing else in the application changes provider. */
    private static final Provider BC = Sm2Provider.get();
    private static final String ALGORITHM = "SM3withSM2";

    private final AuditFiles files;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    AuditKeys(AuditFiles files) {
        this.files = files;
        try {
            moveFormerKey();
            if (files.keyInDataDir()) {
                log.warn("The audit signing key {} lies in the data directory {}: whoever can write there can re-sign "
                        + "a rewritten trail. Set lantai.audit.key-file to a place outside it", files.privateKey(),
                        files.dataDir());
            }
            boolean hasPrivate = Files.exists(files.privateKey());
            boolean hasPublic = Files.exists(files.publicKey());
            if (!hasPrivate && !hasPublic && !hasCheckpoints(files)) {
                KeyPair pair = generate();
                this.privateKey = pair.getPrivate();
                this.publicKey = pair.getPublic();
            } else if (!hasPrivate && !hasPublic) {
                log.error("The audit keys {} are missing while checkpoints signed with them exist in {}: no checkpoint "
                        + "can be signed or verified until they are restored", files.privateKey(), files.checkpoints());
                this.privateKey = null;
                this.publicKey = null;
            } else if (!hasPrivate) {
                log.error("The audit signing key {} is missing while its public key {} exists: no checkpoint can be "
                        + "signed until the key is restored", files.privateKey(), files.publicKey());
                this.privateKey = null;
                this.publicKey = readPublic(files.publicKey());
            } else {
                this.privateKey = readPrivate(files.privateKey());
                PublicKey derived = publicOf(privateKey);
                if (!hasPublic) {
                    writeKey(files.publicKey(), "PUBLIC KEY", derived.getEncoded(), false);
                    this.publicKey = derived;
                } else {
                    this.publicKey = readPublic(files.publicKey());
                    if (!Arrays.equals(publicKey.getEncoded(), derived.getEncoded())) {
                        log.error("The audit public key {} does not belong to the signing key {}: checkpoints will not "
                                + "verify", files.publicKey(), files.privateKey());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the audit keys in " + files.privateKey().getParent()
                    + " (lantai.audit.key-file names the private key; its default is in the home directory)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit keys cannot be read: " + files.privateKey(), e);
        }
    }

    /**
     * The SM3 digest of the public key (X.509 DER), hex: to compare with a copy noted when the key was made, so a
     * public key swapped together with re-signed checkpoints shows.
     */
    public String fingerprint() {
        if (publicKey == null) {
            return "(no public key)";
        }
        byte[] der = publicKey.getEncoded();
        SM3Digest sm3 = new SM3Digest();
        sm3.update(der, 0, der.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** The public key as X.509 PEM, as it lies beside the private key; empty when the key files are missing. */
    public String publicKeyPem() {
        return publicKey == null ? "" : pemText("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The head as a checkpoint line signed now: {@code seq digest time signature}; a receipt is the same line. */
    public String signedLine(Head head) {
        String body = head.seq() + " " + head.digest() + " " + Instant.now();
        return body + " " + sign(body);
    }

    /** The SM2 signature of the text's UTF-8 bytes, base64. */
    private String sign(String text) {
        return Base64.getEncoder().encodeToString(sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SM3withSM2 signature of the bytes (signer id 1234567812345678), DER {@code SEQUENCE {r, s}}. */
    public byte[] sign(byte[] content) {
        if (privateKey == null) {
            throw new IllegalStateException("the audit signing key " + files.privateKey() + " is missing");
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BC);
            signature.initSign(privateKey);
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** The signing key, for the signed reports of the trail; missing when the key file is. */
    PrivateKey privateKey() {
        if (privateKey == null) {
            throw new IllegalStateException("the audit signing key " + files.privateKey() + " is missing");
        }
        return privateKey;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** Whether {@code signature} (base64) is the archive key's signature of the text; false for anything malformed. */
    public boolean verify(String text, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM, BC);
            verifier.initVerify(publicKey);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The key was made in {@code <data-dir>/audit} by default before; found there while its configured place holds
     * no key (the first start after the upgrade), it moves there, so that the data directory no longer holds what
     * signs the checkpoints.
     */
    private void moveFormerKey() throws IOException, GeneralSecurityException {
        AuditFiles former = files.formerDefault();
        if (former.privateKey().equals(files.privateKey()) || !Files.exists(former.privateKey())) {
            return;
        }
        if (Files.exists(files.privateKey()) || Files.exists(files.publicKey())) {
            log.error("An audit signing key {} lies in the data directory beside the key in use ({}); it is not used. "
                    + "If it signed this trail's checkpoints, set lantai.audit.key-file to its new place and move it "
                    + "there; otherwise remove it", former.privateKey(), files.privateKey());
            return;
        }
        PrivateKey key = readPrivate(former.privateKey());
        writeKey(files.privateKey(), "PRIVATE KEY", key.getEncoded(), true);
        writeKey(files.publicKey(), "PUBLIC KEY", publicOf(key).getEncoded(), false);
        Files.delete(former.privateKey());
        Files.deleteIfExists(former.publicKey());
        log.warn("Moved the archive's SM2 audit key out of the data directory, from {} to {} (keep a copy off this "
                + "machine)", former.privateKey(), files.privateKey());
    }

    /** A key is made at the first start only: a new one would not verify the checkpoints of the old. */
    private static boolean hasCheckpoints(AuditFiles files) throws IOException {
        return Files.exists(files.checkpoints()) && Files.size(files.checkpoints()) > 0;
    }

    private KeyPair generate() throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair pair = generator.generateKeyPair();
        writeKey(files.privateKey(), "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
        writeKey(files.publicKey(), "PUBLIC KEY", pair.getPublic().getEncoded(), false);
        log.info("Made the archive's SM2 audit key {} (keep a copy off this machine) and its public key {}",
                files.privateKey(), files.publicKey());
        return pair;
    }

    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        ECPrivateKey ec = (ECPrivateKey) key;
        var q = ec.getParameters().getG().multiply(ec.getD()).normalize();
        return KeyFactory.getInstance("EC", BC).generatePublic(new ECPublicKeySpec(q, ec.getParameters()));
    }

    private static PrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(pem(file)));
    }

    private static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(pem(file)));
    }

    private static byte[] pem(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "");
        return Base64.getMimeDecoder().decode(body);
    }

    private static String pemText(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Written beside the target and moved into place, so a crash never leaves half a key. */
    private static void writeKey(Path file, String type, byte[] der, boolean ownerOnly) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String pem = pemText(type, der);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (ownerOnly && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
