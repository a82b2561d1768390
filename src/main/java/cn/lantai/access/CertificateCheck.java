package cn.lantai.access;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import cn.lantai.access.internal.certificates.OfdSeals;
import cn.lantai.audit.SealCheck;

/**
 * The check of a certified copy's signature with the archive's public key alone, online ({@link Certificates}) and
 * offline: {@code java -jar lantai.jar --lantai.certificate.verify=FILE [--lantai.certificate.key=public.pem]} runs
 * {@link #run} before Spring starts (no database, no web server) and exits 0 when the PDF's signature or the OFD's
 * seal verifies with the key and covers the whole file, 1 otherwise, printing why. The key is the PEM that
 * {@code GET /api/v1/public/keys} publishes; by default the archive's own public key file beside its private key
 * ({@code lantai.audit.key-file}, default {@code ~/.lantai/keys/sm2-key.pem}, so {@code sm2-key.pub.pem}). Offline
 * nothing knows of revocation: the output says to ask the verify page for that.
 */
public final class CertificateCheck {

    /** The command line option that asks for an offline check of the file it names. */
    public static final String OPTION = "lantai.certificate.verify";
    /** The option naming the public key's PEM file. */
    public static final String KEY_OPTION = "lantai.certificate.key";
    /** Files larger than this are refused unread (64 MB: a certificate of a few hundred pages). */
    public static final long MAX_BYTES = 64L << 20;

    private CertificateCheck() {
    }

    /** The outcome: valid or not, PDF or OFD (null for neither), the bundle key of why not, the number it carries. */
    public record Verdict(boolean valid, String format, String problem, String number) {
    }

    /** Whether the arguments ask for an offline check. */
    public static boolean requested(String[] args) {
        return option(args, OPTION).isPresent();
    }

    /** Checks the file's signature with the key; a file of neither format, or none at all, is not valid. */
    public static Verdict check(byte[] file, PublicKey key) {
        if (file == null || file.length == 0) {
            return new Verdict(false, null, "access.certificate.problem.empty", null);
        }
        if (startsWith(file, "%PDF-")) {
            if (!SealCheck.pdfSealedBy(file, key)) {
                return new Verdict(false, "PDF", "access.certificate.problem.signature", null);
            }
            return new Verdict(true, "PDF", null, pdfNumber(file));
        }
        if (startsWith(file, "PK\u0003\u0004")) {
            OfdSeals.Outcome outcome = OfdSeals.verify(file, key);
            return new Verdict(outcome.valid(), "OFD", outcome.problem(), outcome.number());
        }
        return new Verdict(false, null, "access.certificate.problem.format", null);
    }

    /** The offline command: prints the result to {@code out}, answers the exit status (0 valid, 1 not). */
    public static int run(String[] args, PrintStream out) {
        ResourceBundle text = ResourceBundle.getBundle("i18n.access", Locale.ENGLISH);
        Path file = Path.of(option(args, OPTION).filter(s -> !s.isBlank()).orElse("-"));
        Path keyFile = option(args, KEY_OPTION).map(Path::of).orElseGet(() -> defaultKey(args));
        PublicKey key;
        try {
            key = SealCheck.publicKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            out.printf("NOT VERIFIED: cannot read the archive's public key %s (%s); give it with --%s=public.pem "
                    + "(the PEM of GET /api/v1/public/keys)%n", keyFile, e.getMessage(), KEY_OPTION);
            return 1;
        }
        out.printf("Archive public key %s, SM2, SM3 fingerprint %s%n", keyFile, SealCheck.fingerprint(key));
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                out.printf("NOT VALID: %s is larger than %d MB, no certificate is%n", file, MAX_BYTES >> 20);
                return 1;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            out.printf("NOT VALID: cannot read %s (%s)%n", file, e.getMessage());
            return 1;
        }
        Verdict verdict = check(bytes, key);
        if (!verdict.valid()) {
            out.printf("NOT VALID: %s: %s%n", file, message(text, verdict.problem()));
            return 1;
        }
        out.printf("VALID: %s is a %s certified copy%s signed with the archive's key; the signature covers the "
                + "whole file.%n", file, verdict.format(),
                verdict.number() == null || verdict.number().isBlank() ? "" : " No. " + verdict.number());
        out.println("Offline, revocation cannot be known: ask the archive's verify page (/verify) whether it was "
                + "revoked since.");
        return 0;
    }

    private static String message(ResourceBundle text, String key) {
        try {
            return text.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static Path defaultKey(String[] args) {
        Path privateKey = option(args, "lantai.audit.key-file").map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".lantai", "keys", "sm2-key.pem"));
        String name = privateKey.getFileName().toString();
        return privateKey.resolveSibling(name.endsWith(".pem") ? name.substring(0, name.length() - 4) + ".pub.pem"
                : name + ".pub");
    }

    private static Optional<String> option(String[] args, String name) {
        return Arrays.stream(args).filter(a -> a.equals("--" + name) || a.startsWith("--" + name + "="))
                .map(a -> a.length() > name.length() + 3 ? a.substring(name.length() + 3) : "").findFirst();
    }

    private static boolean startsWith(byte[] file, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        return file.length >= m.length && Arrays.equals(Arrays.copyOf(file, m.length), m);
    }

    private static String pdfNumber(byte[] pdf) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return doc.getDocumentInformation().getSubject();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
