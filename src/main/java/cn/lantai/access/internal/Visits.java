package cn.lantai.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.lantai.access.IdType;
import cn.lantai.access.Purpose;
import cn.lantai.access.Visit;
import cn.lantai.access.Visitor;
import cn.lantai.access.internal.readers.IdDocuments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one reader of visits and visitors (visitors masked, by {@link IdDocuments}), for every part of the module that
 * shows them: the desk, requests, delivery, certificates.
 */
@Component
public class Visits {

    private static final String VISIT = "SELECT id, visitor_id, purpose, started_at, clerk FROM access_visit";

    private final JdbcClient jdbc;
    private final ArchiveClock archiveClock;

    Visits(JdbcClient jdbc, ArchiveClock archiveClock) {
        this.jdbc = jdbc;
        this.archiveClock = archiveClock;
    }

    public Optional<Visit> visit(long id) {
        return jdbc.sql(VISIT + " WHERE id = :id").param("id", id).query(Visits::visit).optional();
    }

    /** The visits begun on the day (the archive's time zone), earliest first. */
    public List<Visit> startedOn(LocalDate day) {
        return jdbc.sql(VISIT + " WHERE started_at >= :from AND started_at < :to ORDER BY started_at, id")
                .param("from", Timestamp.from(archiveClock.startOf(day)))
                .param("to", Timestamp.from(archiveClock.startOf(day.plusDays(1))))
                .query(Visits::visit).list();
    }

    public Optional<Visitor> visitor(long id) {
        return jdbc.sql("""
                SELECT id, name, id_type, id_masked, phone, unit, registered_at, erased_at
                FROM access_visitor WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new Visitor(rs.getLong(1), rs.getString(2), IdType.valueOf(rs.getString(3)),
                        rs.getString(4), IdDocuments.maskPhone(rs.getString(5)), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) != null))
                .optional();
    }

    private static Visit visit(ResultSet rs, int n) throws SQLException {
        return new Visit(rs.getLong(1), rs.getLong(2), Purpose.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                rs.getString(5));
    }
}
