package cn.lantai.access.internal.certificates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Certificate numbers and verification codes. A number is {@code LT-<year>-<six digits or more>}: the year of issue
 * and the register's running number (a database sequence), printed on the certificate; alone it proves nothing, so every certificate also has a
 * random verification code of 12 characters from 31 unambiguous ones (about 59 bits), printed beside it and in the QR
 * code. Only the code's SHA-256 is kept.
 */
public final class CertificateNumbers {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final Pattern NUMBER = Pattern.compile("LT-\\d{4}-\\d{6,9}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateNumbers() {
    }

    public static String number(int year, long sequence) {
        return "LT-" + year + "-" + String.format("%06d", sequence);
    }

    /** Whether the text has the form of a number (anything else is looked up as no certificate at all). */
    public static boolean wellFormed(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The SHA-256 (hex) of the code as typed, upper-cased and stripped; of a fixed text for a malformed one. */
    public static String digest(String code) {
        String normal = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(normal).matches()) {
            normal = "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two digests in constant time. */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
