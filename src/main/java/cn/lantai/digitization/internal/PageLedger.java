package cn.lantai.digitization.internal;

import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.ScanPage.ColourMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attached pages of each entry ({@code scan_page}), written after the masters are in the store: the store holds
 * the images, this table says which page of which file each one is.
 */
@Repository
public class PageLedger {

    private final JdbcClient jdbc;

    PageLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes these the entry's pages: those of the same numbers are replaced, the rest kept. */
    @Transactional
    public void record(ItemId item, List<ScanPage> pages) {
        Timestamp now = Timestamp.from(Instant.now());
        for (ScanPage p : pages) {
            if (!p.item().equals(item)) {
                throw new IllegalArgumentException("page of another entry: " + p);
            }
            jdbc.sql("DELETE FROM scan_page WHERE item_id = ? AND page = ?").params(item.value(), p.page()).update();
            jdbc.sql("""
                    INSERT INTO scan_page (item_id, page, master, master_index, sha256, width, height, dpi_x, dpi_y,
                    colour_mode, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(item.value(), p.page(), p.master(), p.masterIndex(), p.sha256(), p.width(), p.height(),
                            p.dpiX(), p.dpiY(), p.colourMode().name(), now)
                    .update();
        }
    }

    /** Removes the entry's pages numbered above {@code lastPage} (a re-scan with fewer pages); how many went. */
    @Transactional
    public int truncate(ItemId item, int lastPage) {
        return jdbc.sql("DELETE FROM scan_page WHERE item_id = ? AND page > ?").params(item.value(), lastPage).update();
    }

    /**
     * Records the clockwise quarter turns (0-3) that make the page upright; {@link #record} resets them to 0, so a
     * re-scan's turns are set after its pages are recorded.
     */
    @Transactional
    public void turn(ItemId item, int page, int quarterTurns) {
        jdbc.sql("UPDATE scan_page SET turns = ? WHERE item_id = ? AND page = ?")
                .params(Math.floorMod(quarterTurns, 4), item.value(), page).update();
    }

    /** The page's recorded quarter turns; 0 when none or no such page. */
    public int turns(ItemId item, int page) {
        return jdbc.sql("SELECT turns FROM scan_page WHERE item_id = ? AND page = ?").params(item.value(), page)
                .query(Integer.class).optional().orElse(0);
    }

    public List<ScanPage> pages(ItemId item) {
        return jdbc.sql("SELECT * FROM scan_page WHERE item_id = ? ORDER BY page").param(item.value())
                .query(PageLedger::row).list();
    }

    public Optional<ScanPage> page(ItemId item, int page) {
        return jdbc.sql("SELECT * FROM scan_page WHERE item_id = ? AND page = ?").params(item.value(), page)
                .query(PageLedger::row).optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM scan_page").query(Long.class).single();
    }

    /** The pages attached from {@code from} (inclusive) to {@code to} and attached still. */
    public long attachedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM scan_page WHERE attached_at >= ? AND attached_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
    }

    private static ScanPage row(ResultSet rs, int n) throws SQLException {
        return new ScanPage(new ItemId(rs.getLong("item_id")), rs.getInt("page"), rs.getString("master"),
                rs.getInt("master_index"), rs.getString("sha256"), rs.getInt("width"), rs.getInt("height"),
                rs.getInt("dpi_x"), rs.getInt("dpi_y"), ColourMode.valueOf(rs.getString("colour_mode")));
    }
}
