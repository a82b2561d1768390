package cn.lantai.access.internal.readers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import cn.lantai.access.Purpose;
import cn.lantai.access.UseKind;
import cn.lantai.access.UsedItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the visits' rows (table {@code access_visit}; {@link cn.lantai.access.internal.Visits} reads them) and keeps
 * the items used in them ({@code access_visit_item}).
 */
@Component
public class DeskVisits {

    private final JdbcClient jdbc;

    DeskVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long visitorId, Purpose purpose, String note, String clerk, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO access_visit (visitor_id, purpose, note, started_at, clerk)
                VALUES (:visitor, :purpose, :note, :at, :clerk)""")
                .param("visitor", visitorId).param("purpose", purpose.name()).param("note", note)
                .param("at", Timestamp.from(at)).param("clerk", clerk).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void itemUsed(UsedItem used, String clerk) {
        jdbc.sql("""
                INSERT INTO access_visit_item (visit_id, item_level, ref_id, archival_code, at, clerk)
                VALUES (:visit, :level, :ref, :code, :at, :clerk)""")
                .param("visit", used.visitId()).param("level", used.level()).param("ref", used.refId())
                .param("code", used.archivalCode()).param("at", Timestamp.from(used.at())).param("clerk", clerk)
                .update();
    }

    public List<UsedItem> items(long visitId) {
        return jdbc.sql("""
                SELECT visit_id, item_level, ref_id, archival_code, at FROM access_visit_item
                WHERE visit_id = :visit ORDER BY at, id""")
                .param("visit", visitId)
                .query((rs, n) -> new UsedItem(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), null,
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The pages copied in the visit, from the use ledger. */
    public long pagesCopied(long visitId) {
        return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM access_use WHERE visit_id = :visit AND kind = :kind")
                .param("visit", visitId).param("kind", UseKind.PAGES_COPIED.name()).query(Long.class).single();
    }
}
