package cn.lantai.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.lantai.catalog.CatalogFigures.Held;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue's counts for the yearly statistics ({@link cn.lantai.catalog.CatalogFigures}), from its tables. */
@Repository
public class CatalogCounts {

    private final JdbcClient jdbc;

    CatalogCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The holdings entered before {@code end}, by category and retention (only the pairs with any). */
    public List<Held> heldBefore(Instant end) {
        Timestamp before = Timestamp.from(end);
        List<Held> held = new ArrayList<>();
        jdbc.sql("SELECT category_code, retention, COUNT(*) FROM volume WHERE created_at < ?"
                        + " GROUP BY category_code, retention").param(before)
                .query(rs -> {
                    held.add(new Held(rs.getString(1), Retention.ofCode(rs.getString(2)), rs.getLong(3), 0));
                });
        jdbc.sql("SELECT category_code, retention, COUNT(*) FROM item WHERE created_at < ? AND volume_no IS NULL"
                        + " GROUP BY category_code, retention").param(before)
                .query(rs -> {
                    held.add(new Held(rs.getString(1), Retention.ofCode(rs.getString(2)), 0, rs.getLong(3)));
                });
        return held;
    }

    /** Items opened in the range: changed to OPEN then, or entered then as OPEN (first change's old value, or now). */
    public long openedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM (
                    SELECT c.item_id AS id FROM item_change c JOIN catalog_operation o ON o.id = c.operation_id
                    WHERE c.field = :field AND c.new_value = :open AND o.at >= :from AND o.at < :to
                    UNION
                    SELECT i.id AS id FROM item i WHERE i.created_at >= :from AND i.created_at < :to
                    AND COALESCE((SELECT f.old_value FROM item_change f WHERE f.id = (
                        SELECT MIN(m.id) FROM item_change m WHERE m.item_id = i.id AND m.field = :field)),
                        i.open_status) = :open
                ) opened""")
                .param("field", DescriptionField.OPEN_STATUS.key()).param("open", OpenStatus.OPEN.name())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }
}
