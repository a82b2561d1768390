package cn.lantai.access.internal;

import java.util.Optional;

import cn.lantai.access.IdType;
import cn.lantai.access.Purpose;
import cn.lantai.access.Visit;
import cn.lantai.access.Visitor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads visits and visitors (masked) for the parts of the module that serve them: requests, delivery, certificates. */
@Component
public class Visits {

    private final JdbcClient jdbc;

    Visits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Visit> visit(long id) {
        return jdbc.sql("SELECT id, visitor_id, purpose, started_at, clerk FROM access_visit WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), Purpose.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
    }

    public Optional<Visitor> visitor(long id) {
        return jdbc.sql("""
                SELECT id, name, id_type, id_masked, phone, unit, registered_at, erased_at
                FROM access_visitor WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new Visitor(rs.getLong(1), rs.getString(2), IdType.valueOf(rs.getString(3)),
                        rs.getString(4), maskPhone(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) != null))
                .optional();
    }

    /** {@code 138****5678}: the first three and last four digits of a phone number, the rest hidden. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String p = phone.strip();
        if (p.length() <= 4) {
            return "*".repeat(p.length());
        }
        int head = Math.min(3, p.length() - 4);
        return p.substring(0, head) + "*".repeat(p.length() - head - 4) + p.substring(p.length() - 4);
    }
}
