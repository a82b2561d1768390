package cn.lantai.access;

/**
 * A certificate just issued: the record, its verification code (shown once, printed on the certificate and in its
 * QR code; only its digest is kept) and the verify URL the QR code carries.
 */
public record IssuedCertificate(Certificate certificate, String code, String verifyUrl) {
}
