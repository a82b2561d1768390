package cn.lantai.accession.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import cn.lantai.accession.FilingReceipt;
import cn.lantai.accession.PropertyCheck.Result;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The filings' table (V22): each receipt as signed, its state, and the claim of a passed filing on its (unit,
 * sourceId), which the unique constraint keeps to one even for concurrent requests.
 */
@Repository
public class FilingLedger {

    /** A filing catalogued whose files wait in its work folder for the store. */
    public static final String RECEIVED = "RECEIVED";
    public static final String STORED = "STORED";
    public static final String REFUSED = "REFUSED";

    private final JdbcClient jdbc;

    FilingLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the table, with what the receipt was signed as. */
    public record Entry(String receiptId, String unit, String sourceId, String state, Long itemId, String json,
            String signature) {
    }

    /** Writes the receipt; a passed one claims its (unit, sourceId): a second claim fails on the constraint. */
    public void insert(FilingReceipt receipt, String state, String json, String signature) {
        boolean passed = receipt.result() == Result.PASS;
        jdbc.sql("""
                INSERT INTO filing (receipt_id, unit_code, source_id, claim, result, state, item_id, receipt, signature,
                    filed_by, filed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(receipt.receiptId(), receipt.unit(), receipt.sourceId(), passed ? receipt.sourceId() : null,
                        receipt.result().name(), state, receipt.recordId(), json, signature, receipt.filedBy(),
                        Timestamp.from(receipt.filedAt()))
                .update();
    }

    /** The passed filing of this unit's record, if any. */
    public Optional<Entry> claimed(String unit, String sourceId) {
        return jdbc.sql(SELECT + " WHERE unit_code = ? AND claim = ?").params(unit, sourceId).query(this::entry)
                .optional();
    }

    public Optional<Entry> byReceipt(String receiptId) {
        return jdbc.sql(SELECT + " WHERE receipt_id = ?").param(receiptId).query(this::entry).optional();
    }

    /** The receipt as signed once the record is catalogued (the row was written first, to claim the sourceId). */
    public void issue(FilingReceipt receipt, String json, String signature) {
        jdbc.sql("UPDATE filing SET item_id = ?, receipt = ?, signature = ? WHERE receipt_id = ?")
                .params(receipt.recordId(), json, signature, receipt.receiptId()).update();
    }

    /** Filings catalogued but not yet stored: a crash came between the two. */
    public List<Entry> received() {
        return jdbc.sql(SELECT + " WHERE state = ? ORDER BY filed_at").param(RECEIVED).query(this::entry).list();
    }

    public void markStored(String receiptId) {
        jdbc.sql("UPDATE filing SET state = ? WHERE receipt_id = ? AND state = ?").params(STORED, receiptId, RECEIVED)
                .update();
    }

    private static final String SELECT = "SELECT receipt_id, unit_code, source_id, state, item_id, receipt, signature "
            + "FROM filing";

    private Entry entry(ResultSet rs, int row) throws SQLException {
        long item = rs.getLong("item_id");
        return new Entry(rs.getString("receipt_id"), rs.getString("unit_code"), rs.getString("source_id"),
                rs.getString("state"), rs.wasNull() ? null : item, rs.getString("receipt"), rs.getString("signature"));
    }
}
