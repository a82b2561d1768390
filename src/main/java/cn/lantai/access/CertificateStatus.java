package cn.lantai.access;

import java.time.Instant;

/**
 * What the public verification says of a certificate: {@code VALID}, {@code REVOKED} (with when and why), or
 * {@code NOT_FOUND} (an unknown number, a wrong code, an unsigned or altered file alike, and then nothing else is
 * set); for a found one only what the certificate itself shows: the archive, number, date, purpose, 档号 and 题名.
 * {@code problem} is the bundle key of why an uploaded file was rejected, null otherwise.
 */
public record CertificateStatus(State state, String archive, String number, Instant issuedAt, Purpose purpose,
        String archivalCode, String title, Instant revokedAt, String revokeReason, String problem) {

    public enum State { VALID, REVOKED, NOT_FOUND, INVALID }

    public static CertificateStatus notFound() {
        return new CertificateStatus(State.NOT_FOUND, null, null, null, null, null, null, null, null, null);
    }

    public static CertificateStatus invalid(String problem) {
        return new CertificateStatus(State.INVALID, null, null, null, null, null, null, null, null, problem);
    }

    static CertificateStatus of(Certificate c, String archive) {
        return new CertificateStatus(c.revoked() ? State.REVOKED : State.VALID, archive, c.number(), c.issuedAt(),
                c.purpose(), c.archivalCode(), c.title(), c.revokedAt(), c.revokeReason(), null);
    }
}
