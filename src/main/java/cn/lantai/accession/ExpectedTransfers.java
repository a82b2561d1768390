package cn.lantai.accession;

import java.sql.Date;
import java.util.List;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transfers the archive expects of each unit per year (移交计划), shown beside those received on the unit's page.
 * The receiving staff set them (one per unit and year, set again to change it); the unit and the staff read them.
 */
@Service
public class ExpectedTransfers {

    private final JdbcClient jdbc;
    private final Transfers transfers;
    private final AuditTrail trail;

    ExpectedTransfers(JdbcClient jdbc, Transfers transfers, AuditTrail trail) {
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.trail = trail;
    }

    /** Sets the unit's expectation for the year; counts 0..1,000,000, a year 1900..2999, a note of at most 500. */
    @Transactional
    public ExpectedTransfer expect(ExpectedTransfer expected, Viewer viewer) {
        if (!transfers.receives(viewer)) {
            throw new NotPermitted("accession.transfer.not-permitted");
        }
        String note = expected.note() == null || expected.note().isBlank() ? null : expected.note().strip();
        if (expected.unit() == null || expected.year() < 1900 || expected.year() > 2999 || expected.items() < 0
                || expected.items() > 1_000_000 || expected.volumes() < 0 || expected.volumes() > 1_000_000
                || (note != null && (note.length() > 500 || note.codePoints().anyMatch(Character::isISOControl)))) {
            throw new TransferProblem(400, "accession.transfer.bad-expected");
        }
        jdbc.sql("DELETE FROM expected_transfer WHERE unit_code = ? AND transfer_year = ?")
                .params(expected.unit(), expected.year()).update();
        jdbc.sql("""
                INSERT INTO expected_transfer (unit_code, transfer_year, expected_items, expected_volumes, due_on, note)
                VALUES (?, ?, ?, ?, ?, ?)""").params(expected.unit(), expected.year(), expected.items(),
                expected.volumes(), expected.dueOn() == null ? null : Date.valueOf(expected.dueOn()), note).update();
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.transfer.expected", expected.unit(),
                null, expected.year() + ": items=" + expected.items() + " volumes=" + expected.volumes()));
        return new ExpectedTransfer(expected.unit(), expected.year(), expected.items(), expected.volumes(),
                expected.dueOn(), note);
    }

    /** The unit's expectations, newest year first; empty for someone neither of the unit nor receiving. */
    public List<ExpectedTransfer> of(String unit, Viewer viewer) {
        if (!transfers.receives(viewer) && !transfers.isOfUnit(unit, viewer)) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM expected_transfer WHERE unit_code = ? ORDER BY transfer_year DESC").param(unit)
                .query((rs, n) -> new ExpectedTransfer(rs.getString("unit_code"), rs.getInt("transfer_year"),
                        rs.getInt("expected_items"), rs.getInt("expected_volumes"),
                        rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate(),
                        rs.getString("note"))).list();
    }
}
