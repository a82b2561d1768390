package cn.lantai.supervision.internal.outreach;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.lantai.supervision.Attendee;
import cn.lantai.supervision.GuidanceKind;
import cn.lantai.supervision.GuidanceVisit;
import cn.lantai.supervision.PublicityEvent;
import cn.lantai.supervision.PublicityKind;
import cn.lantai.supervision.Training;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The bureau's guidance visits, training sessions with their attendees and publicity events (tables
 * {@code supervision_guidance}, {@code _training}, {@code _trainee}, {@code _publicity}); periods are whole days,
 * both ends included.
 */
@Repository
public class OutreachRows {

    private static final String GUIDANCE = "SELECT id, visited_on, kind, unit_code, place_name, topic, staff, note "
            + "FROM supervision_guidance ";

    private final JdbcClient jdbc;

    OutreachRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long addGuidance(GuidanceVisit v, String recordedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO supervision_guidance (visited_on, kind, unit_code, place_name, topic, staff, note, "
                        + "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Date.valueOf(v.visitedOn()), v.kind().name(), v.unitCode(), v.placeName(), v.topic(),
                        v.staff(), v.note(), recordedBy)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public List<GuidanceVisit> guidance(LocalDate from, LocalDate to) {
        return jdbc.sql(GUIDANCE + "WHERE visited_on BETWEEN ? AND ? ORDER BY visited_on DESC, id DESC")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> guidance(rs)).list();
    }

    public List<GuidanceVisit> guidanceOf(String unitCode) {
        return jdbc.sql(GUIDANCE + "WHERE unit_code = ? ORDER BY visited_on DESC, id DESC").param(unitCode)
                .query((rs, n) -> guidance(rs)).list();
    }

    /** Each visited unit's last guidance day. */
    public Map<String, LocalDate> lastGuidance() {
        Map<String, LocalDate> last = new HashMap<>();
        jdbc.sql("SELECT unit_code, MAX(visited_on) FROM supervision_guidance WHERE unit_code IS NOT NULL "
                        + "GROUP BY unit_code")
                .query((rs, n) -> last.put(rs.getString(1), rs.getDate(2).toLocalDate())).list();
        return last;
    }

    public long addTraining(Training t, String recordedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO supervision_training (held_on, title, hours, trainer, recorded_by) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(Date.valueOf(t.heldOn()), t.title(), t.hours(), t.trainer(), recordedBy)
                .update(key, "id");
        long id = key.getKey().longValue();
        int position = 0;
        for (Attendee a : t.attendees()) {
            jdbc.sql("INSERT INTO supervision_trainee (training_id, position, name, unit_code) VALUES (?, ?, ?, ?)")
                    .params(id, position++, a.name(), a.unitCode())
                    .update();
        }
        return id;
    }

    public List<Training> trainings(LocalDate from, LocalDate to) {
        return withAttendees(jdbc.sql("SELECT id, held_on, title, hours, trainer FROM supervision_training "
                        + "WHERE held_on BETWEEN ? AND ? ORDER BY held_on DESC, id DESC")
                .params(Date.valueOf(from), Date.valueOf(to)));
    }

    /** The sessions some of the unit's people attended, newest first. */
    public List<Training> trainingsOf(String unitCode) {
        return withAttendees(jdbc.sql("SELECT id, held_on, title, hours, trainer FROM supervision_training t "
                        + "WHERE EXISTS (SELECT 1 FROM supervision_trainee a WHERE a.training_id = t.id "
                        + "AND a.unit_code = ?) ORDER BY held_on DESC, id DESC")
                .param(unitCode));
    }

    public long addPublicity(PublicityEvent e, String recordedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO supervision_publicity (held_on, kind, title, place, participants, note, recorded_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(Date.valueOf(e.heldOn()), e.kind().name(), e.title(), e.place(), e.participants(), e.note(),
                        recordedBy)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public List<PublicityEvent> publicity(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT id, held_on, kind, title, place, participants, note FROM supervision_publicity "
                        + "WHERE held_on BETWEEN ? AND ? ORDER BY held_on DESC, id DESC")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new PublicityEvent(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        PublicityKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getInt(6),
                        rs.getString(7)))
                .list();
    }

    /** Guidance visits, training sessions, trainees (attendees, 人次) and publicity events in the period. */
    public long[] counts(LocalDate from, LocalDate to) {
        Date f = Date.valueOf(from);
        Date t = Date.valueOf(to);
        return new long[] {
            count("SELECT COUNT(*) FROM supervision_guidance WHERE visited_on BETWEEN ? AND ?", f, t),
            count("SELECT COUNT(*) FROM supervision_training WHERE held_on BETWEEN ? AND ?", f, t),
            count("SELECT COUNT(*) FROM supervision_trainee a JOIN supervision_training t ON t.id = a.training_id "
                    + "WHERE t.held_on BETWEEN ? AND ?", f, t),
            count("SELECT COUNT(*) FROM supervision_publicity WHERE held_on BETWEEN ? AND ?", f, t)};
    }

    private long count(String sql, Date from, Date to) {
        return jdbc.sql(sql).params(from, to).query(Long.class).single();
    }

    private List<Training> withAttendees(JdbcClient.StatementSpec sessions) {
        List<Training> bare = sessions.query((rs, n) -> new Training(rs.getLong(1), rs.getDate(2).toLocalDate(),
                rs.getString(3), rs.getBigDecimal(4), rs.getString(5), List.of())).list();
        if (bare.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Attendee>> attendees = jdbc.sql("SELECT training_id, name, unit_code FROM supervision_trainee "
                        + "WHERE training_id IN (:ids) ORDER BY training_id, position")
                .param("ids", bare.stream().map(Training::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), new Attendee(rs.getString(2), rs.getString(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return bare.stream().map(t -> new Training(t.id(), t.heldOn(), t.title(), t.hours(), t.trainer(),
                attendees.getOrDefault(t.id(), List.of()))).toList();
    }

    private static GuidanceVisit guidance(ResultSet rs) throws SQLException {
        return new GuidanceVisit(rs.getLong(1), rs.getDate(2).toLocalDate(), GuidanceKind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
