package cn.lantai.stacks.internal.locations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import cn.lantai.stacks.Kept;
import cn.lantai.stacks.Location;
import cn.lantai.stacks.Placed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each placed 卷 and 件 stands (table {@code stacks_placement}): on a shelf, or in a box and so where the box
 * stands. One row per entry; placing it again replaces its place.
 */
@Repository
public class PlacementStore {

    // an entry in a box reads its box's place
    private static final String SELECT = "SELECT p.kind, p.entry_id, p.archival_code, p.title, p.box_id, b.number,"
            + " COALESCE(p.room, b.room), COALESCE(p.row_no, b.row_no), COALESCE(p.section_no, b.section_no),"
            + " COALESCE(p.shelf_no, b.shelf_no) FROM stacks_placement p LEFT JOIN stacks_box b ON b.id = p.box_id ";

    private final JdbcClient jdbc;

    PlacementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Puts the entry on a shelf ({@code box} null) or in a box ({@code at} null), wherever it was before. */
    public void place(Entry entry, Location at, Long box) {
        jdbc.sql("DELETE FROM stacks_placement WHERE kind = ? AND entry_id = ?")
                .params(entry.kind().name(), entry.id()).update();
        jdbc.sql("INSERT INTO stacks_placement (kind, entry_id, archival_code, title, box_id, room, row_no, section_no,"
                        + " shelf_no, placed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(entry.kind().name(), entry.id(), entry.archivalCode(), entry.title(), box,
                        at == null ? null : at.room(), at == null ? null : at.row(),
                        at == null ? null : at.section(), at == null ? null : at.shelf())
                .update();
    }

    public Optional<Placed> find(Kept kind, long id) {
        return jdbc.sql(SELECT + "WHERE p.kind = ? AND p.entry_id = ?").params(kind.name(), id)
                .query(PlacementStore::placed).optional();
    }

    public List<Placed> inBox(long box) {
        return jdbc.sql(SELECT + "WHERE p.box_id = ? ORDER BY p.archival_code").param(box)
                .query(PlacementStore::placed).list();
    }

    /** The entries standing in the room, loose on its shelves or in its boxes, by place and 档号. */
    public List<Placed> inRoom(String room) {
        return jdbc.sql(SELECT + "WHERE p.room = ? OR b.room = ? ORDER BY 8, 9, 10, p.archival_code")
                .params(room, room).query(PlacementStore::placed).list();
    }

    private static Placed placed(ResultSet rs, int n) throws SQLException {
        String room = rs.getString(7);
        Location at = room == null ? null : new Location(room, rs.getInt(8), rs.getInt(9), rs.getInt(10));
        Long box = rs.getObject(5) == null ? null : rs.getLong(5);
        return new Placed(Kept.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getString(4), box,
                rs.getString(6), at);
    }
}
