package cn.lantai.supervision.internal.inspections;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.lantai.supervision.Inspection;
import cn.lantai.supervision.InspectionState;
import cn.lantai.supervision.InspectionStep;
import cn.lantai.supervision.InspectionSummary;
import cn.lantai.supervision.Inspector;
import cn.lantai.supervision.ItemFix;
import cn.lantai.supervision.ItemOutcome;
import cn.lantai.supervision.OverdueRectification;
import cn.lantai.supervision.PublishedResult;
import cn.lantai.supervision.Rectification;
import cn.lantai.supervision.RectificationItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The inspections and their rectification notices (tables of V39). A step moves the state only from the states it
 * may follow ({@link #advance}), so two people recording the same step at once cannot both succeed.
 */
@Repository
public class InspectionStore {

    private static final String SUMMARY = "SELECT i.id, i.unit_code, i.state, i.planned_on, i.inspected_on, "
            + "r.deadline, r.accepted_on FROM supervision_inspection i LEFT JOIN supervision_rectification r "
            + "ON r.inspection_id = i.id AND r.round = (SELECT MAX(m.round) FROM supervision_rectification m "
            + "WHERE m.inspection_id = i.id) ";

    private final JdbcClient jdbc;

    InspectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String unitCode, String subject, LocalDate planned) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO supervision_inspection (unit_code, subject, state, planned_on, created_at) "
                        + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(unitCode, subject, InspectionState.PLANNED.name(), Date.valueOf(planned))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Moves the inspection to {@code to} if it is in one of {@code from}; whether it did. */
    public boolean advance(long id, Set<InspectionState> from, InspectionState to) {
        String states = String.join(",", from.stream().map(s -> "'" + s.name() + "'").toList());
        return jdbc.sql("UPDATE supervision_inspection SET state = ? WHERE id = ? AND state IN (" + states + ")")
                .params(to.name(), id).update() == 1;
    }

    public void step(long id, InspectionState step, LocalDate on, String by) {
        jdbc.sql("INSERT INTO supervision_inspection_step (inspection_id, step, done_on, recorded_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(id, step.name(), Date.valueOf(on), by).update();
    }

    public void noticeOn(long id, LocalDate on) {
        jdbc.sql("UPDATE supervision_inspection SET notice_on = ? WHERE id = ?").params(Date.valueOf(on), id).update();
    }

    public void inspected(long id, LocalDate on, List<String> findings) {
        jdbc.sql("UPDATE supervision_inspection SET inspected_on = ? WHERE id = ?").params(Date.valueOf(on), id)
                .update();
        for (int n = 0; n < findings.size(); n++) {
            jdbc.sql("INSERT INTO supervision_finding (inspection_id, position, text) VALUES (?, ?, ?)")
                    .params(id, n + 1, findings.get(n)).update();
        }
    }

    public void team(long id, List<Inspector> team) {
        for (int n = 0; n < team.size(); n++) {
            jdbc.sql("INSERT INTO supervision_inspector (inspection_id, position, name, card_number) "
                            + "VALUES (?, ?, ?, ?)")
                    .params(id, n + 1, team.get(n).name(), team.get(n).cardNumber()).update();
        }
    }

    public void published(long id, LocalDate on, String text) {
        jdbc.sql("UPDATE supervision_inspection SET published_on = ?, result_text = ? WHERE id = ?")
                .params(Date.valueOf(on), text, id).update();
    }

    /** The next free sequence number of the notices of a year. */
    public int nextNoticeNumber(int year) {
        return jdbc.sql("SELECT COALESCE(MAX(notice_seq), 0) + 1 FROM supervision_rectification WHERE notice_year = ?")
                .param(year).query(Integer.class).single();
    }

    public void rectification(long inspectionId, int round, int year, int seq, String number, LocalDate issuedOn,
            LocalDate deadline, List<String> items) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO supervision_rectification (inspection_id, round, notice_year, notice_seq, notice_number, "
                        + "issued_on, deadline) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(inspectionId, round, year, seq, number, Date.valueOf(issuedOn), Date.valueOf(deadline))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (int n = 0; n < items.size(); n++) {
            jdbc.sql("INSERT INTO supervision_rectification_item (rectification_id, position, text) VALUES (?, ?, ?)")
                    .params(id, n + 1, items.get(n)).update();
        }
    }

    public void fixes(long rectificationId, LocalDate reportedOn, String evidence, List<ItemFix> fixes) {
        jdbc.sql("UPDATE supervision_rectification SET reported_on = ?, evidence = ? WHERE id = ?")
                .params(Date.valueOf(reportedOn), evidence, rectificationId).update();
        for (int n = 0; n < fixes.size(); n++) {
            jdbc.sql("UPDATE supervision_rectification_item SET fix = ?, fixed_on = ? "
                            + "WHERE rectification_id = ? AND position = ?")
                    .params(fixes.get(n).done(), Date.valueOf(fixes.get(n).on()), rectificationId, n + 1).update();
        }
    }

    public void accepted(long rectificationId, LocalDate on) {
        jdbc.sql("UPDATE supervision_rectification SET accepted_on = ? WHERE id = ?")
                .params(Date.valueOf(on), rectificationId).update();
    }

    public void reviewed(long rectificationId, LocalDate on, List<ItemOutcome> outcomes) {
        jdbc.sql("UPDATE supervision_rectification SET reviewed_on = ? WHERE id = ?")
                .params(Date.valueOf(on), rectificationId).update();
        for (int n = 0; n < outcomes.size(); n++) {
            jdbc.sql("UPDATE supervision_rectification_item SET outcome = ? "
                            + "WHERE rectification_id = ? AND position = ?")
                    .params(outcomes.get(n).name(), rectificationId, n + 1).update();
        }
    }

    public Optional<Inspection> find(long id) {
        return jdbc.sql("SELECT id, unit_code, subject, state, planned_on, notice_on, inspected_on, published_on, "
                        + "result_text FROM supervision_inspection WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Inspection(rs.getLong(1), rs.getString(2), rs.getString(3),
                        InspectionState.valueOf(rs.getString(4)), date(rs, 5), date(rs, 6), date(rs, 7), date(rs, 8),
                        rs.getString(9), teamOf(id), findingsOf(id), rectificationsOf(id), stepsOf(id)))
                .optional();
    }

    /** Every inspection (or the unit's), newest planned first. */
    public List<InspectionSummary> summaries(String unitCode) {
        return jdbc.sql(SUMMARY + (unitCode == null ? "" : "WHERE i.unit_code = :unit ")
                        + "ORDER BY i.planned_on DESC, i.id DESC")
                .params(unitCode == null ? Map.of() : Map.of("unit", unitCode))
                .query((rs, n) -> new InspectionSummary(rs.getLong(1), rs.getString(2), rs.getString(3), date(rs, 4),
                        date(rs, 5), date(rs, 6), rs.getObject(7, LocalDate.class) != null))
                .list();
    }

    /** The published results, newest first, at most {@code limit}. */
    public List<PublishedResult> published(int limit) {
        return jdbc.sql("SELECT id, unit_code, published_on, result_text FROM supervision_inspection "
                        + "WHERE published_on IS NOT NULL ORDER BY published_on DESC, id DESC FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> new PublishedResult(rs.getLong(1), rs.getString(2), date(rs, 3), rs.getString(4)))
                .list();
    }

    /** The notices past their deadline on {@code today} without accepted fixes, the longest overdue first. */
    public List<OverdueRectification> overdue(LocalDate today) {
        return jdbc.sql("SELECT i.id, i.unit_code, r.notice_number, r.deadline FROM supervision_rectification r "
                        + "JOIN supervision_inspection i ON i.id = r.inspection_id "
                        + "WHERE r.accepted_on IS NULL AND r.deadline < ? ORDER BY r.deadline, r.id")
                .param(Date.valueOf(today))
                .query((rs, n) -> new OverdueRectification(rs.getLong(1), rs.getString(2), rs.getString(3),
                        date(rs, 4), ChronoUnit.DAYS.between(date(rs, 4), today)))
                .list();
    }

    /** How many steps of this kind were done within [from, to). */
    public long steps(InspectionState step, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_inspection_step "
                        + "WHERE step = ? AND done_on >= ? AND done_on < ?")
                .params(step.name(), Date.valueOf(from), Date.valueOf(to)).query(Long.class).single();
    }

    /**
     * The notices issued within [from, to): how many, their items, and how many of them were accepted before
     * {@code to}.
     */
    public long[] notices(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*), "
                        + "COALESCE(SUM((SELECT COUNT(*) FROM supervision_rectification_item t "
                        + "WHERE t.rectification_id = r.id)), 0), "
                        + "COALESCE(SUM(CASE WHEN r.accepted_on < :to THEN 1 ELSE 0 END), 0) "
                        + "FROM supervision_rectification r WHERE r.issued_on >= :from AND r.issued_on < :to")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** The notices overdue at the start of {@code day}: deadline before it, not accepted before it. */
    public long overdueAt(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_rectification WHERE deadline < :day "
                        + "AND (accepted_on IS NULL OR accepted_on >= :day)")
                .param("day", Date.valueOf(day)).query(Long.class).single();
    }

    private List<Inspector> teamOf(long id) {
        return jdbc.sql("SELECT name, card_number FROM supervision_inspector WHERE inspection_id = ? ORDER BY position")
                .param(id).query((rs, n) -> new Inspector(rs.getString(1), rs.getString(2))).list();
    }

    private List<String> findingsOf(long id) {
        return jdbc.sql("SELECT text FROM supervision_finding WHERE inspection_id = ? ORDER BY position")
                .param(id).query(String.class).list();
    }

    private List<Rectification> rectificationsOf(long id) {
        return jdbc.sql("SELECT id, round, notice_number, issued_on, deadline, evidence, reported_on, accepted_on, "
                        + "reviewed_on FROM supervision_rectification WHERE inspection_id = ? ORDER BY round")
                .param(id)
                .query((rs, n) -> new Rectification(rs.getLong(1), rs.getInt(2), rs.getString(3), date(rs, 4),
                        date(rs, 5), itemsOf(rs.getLong(1)), rs.getString(6), date(rs, 7), date(rs, 8), date(rs, 9)))
                .list();
    }

    private List<RectificationItem> itemsOf(long rectificationId) {
        return jdbc.sql("SELECT position, text, fix, fixed_on, outcome FROM supervision_rectification_item "
                        + "WHERE rectification_id = ? ORDER BY position")
                .param(rectificationId)
                .query((rs, n) -> new RectificationItem(rs.getInt(1), rs.getString(2), rs.getString(3), date(rs, 4),
                        rs.getString(5) == null ? null : ItemOutcome.valueOf(rs.getString(5))))
                .list();
    }

    private List<InspectionStep> stepsOf(long id) {
        return jdbc.sql("SELECT step, done_on, recorded_by, recorded_at FROM supervision_inspection_step "
                        + "WHERE inspection_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new InspectionStep(InspectionState.valueOf(rs.getString(1)), date(rs, 2),
                        rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
