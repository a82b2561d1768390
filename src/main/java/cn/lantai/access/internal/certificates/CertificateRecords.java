package cn.lantai.access.internal.certificates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.lantai.access.Certificate;
import cn.lantai.access.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register of issued certificates (table {@code access_certificate}). */
@Component
public class CertificateRecords {

    private static final String COLUMNS = """
            number, item_id, archival_code, title, first_page, last_page, visit_id, purpose, issuer, issued_at,
            revoked_at, revoked_by, revoke_reason""";

    private final JdbcClient jdbc;

    CertificateRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The digests of the two files, as kept for finding a certificate from an uploaded copy. */
    public record Digests(String pdfSha256, String pdfSm3, String ofdSha256, String ofdSm3) {
    }

    /** The next running number (a database sequence: never the same twice, even for two clerks at once). */
    public long nextSequence() {
        return jdbc.sql("SELECT nextval('access_certificate_seq')").query(Long.class).single();
    }

    public void insert(Certificate c, String codeDigest, Digests digests) {
        jdbc.sql("""
                INSERT INTO access_certificate (number, code_digest, item_id, archival_code, title, first_page,
                    last_page, visit_id, purpose, issuer, issued_at, pdf_sha256, pdf_sm3, ofd_sha256, ofd_sm3)
                VALUES (:number, :code, :item, :archivalCode, :title, :first, :last, :visit, :purpose, :issuer,
                    :issuedAt, :pdfSha256, :pdfSm3, :ofdSha256, :ofdSm3)""")
                .param("number", c.number()).param("code", codeDigest).param("item", c.itemId())
                .param("archivalCode", c.archivalCode()).param("title", c.title()).param("first", c.firstPage())
                .param("last", c.lastPage()).param("visit", c.visitId()).param("purpose", c.purpose().name())
                .param("issuer", c.issuer()).param("issuedAt", Timestamp.from(c.issuedAt()))
                .param("pdfSha256", digests.pdfSha256()).param("pdfSm3", digests.pdfSm3())
                .param("ofdSha256", digests.ofdSha256()).param("ofdSm3", digests.ofdSm3()).update();
    }

    public Optional<Certificate> byNumber(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access_certificate WHERE number = :number")
                .param("number", number).query(CertificateRecords::row).optional();
    }

    /** The digest of the verification code of the numbered certificate. */
    public Optional<String> codeDigest(String number) {
        return jdbc.sql("SELECT code_digest FROM access_certificate WHERE number = :number").param("number", number)
                .query(String.class).optional();
    }

    /** The certificate one of whose two files has this SHA-256. */
    public Optional<Certificate> byFileDigest(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access_certificate WHERE pdf_sha256 = :d OR ofd_sha256 = :d")
                .param("d", sha256).query(CertificateRecords::row).optional();
    }

    /** The newest first, those whose number, 档号 or 题名 contains the text (all when it is blank), at most 200. */
    public List<Certificate> search(String text) {
        String like = "%" + (text == null ? "" : text.strip().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_")) + "%";
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM access_certificate
                WHERE number LIKE :like ESCAPE '\\' OR archival_code LIKE :like ESCAPE '\\'
                   OR title LIKE :like ESCAPE '\\'
                ORDER BY issued_at DESC, number DESC FETCH FIRST 200 ROWS ONLY""")
                .param("like", like).query(CertificateRecords::row).list();
    }

    /** Marks it revoked; false when it already was. */
    public boolean revoke(String number, String by, String reason, Instant at) {
        return jdbc.sql("""
                UPDATE access_certificate SET revoked_at = :at, revoked_by = :by, revoke_reason = :reason
                WHERE number = :number AND revoked_at IS NULL""")
                .param("at", Timestamp.from(at)).param("by", by).param("reason", reason).param("number", number)
                .update() == 1;
    }

    private static Certificate row(ResultSet rs, int n) throws SQLException {
        long visit = rs.getLong(7);
        Long visitId = rs.wasNull() ? null : visit;
        Timestamp revoked = rs.getTimestamp(11);
        return new Certificate(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getInt(6), visitId, Purpose.valueOf(rs.getString(8)), rs.getString(9),
                rs.getTimestamp(10).toInstant(), revoked == null ? null : revoked.toInstant(), rs.getString(12),
                rs.getString(13));
    }
}
