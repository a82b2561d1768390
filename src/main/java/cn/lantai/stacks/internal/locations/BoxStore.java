package cn.lantai.stacks.internal.locations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import cn.lantai.stacks.Box;
import cn.lantai.stacks.Location;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The boxes (档案盒) of the stacks and their shelves (table {@code stacks_box}). */
@Repository
public class BoxStore {

    private static final String SELECT = "SELECT b.id, b.number, b.fonds, b.box_year, b.category, b.title, b.room, b.row_no,"
            + " b.section_no, b.shelf_no, (SELECT COUNT(*) FROM stacks_placement p WHERE p.box_id = b.id)"
            + " FROM stacks_box b ";

    private final JdbcClient jdbc;

    BoxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String number, String fonds, Integer year, String category, String title) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO stacks_box (number, fonds, box_year, category, title, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(number, fonds, year, category, title).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Box> find(long id) {
        return jdbc.sql(SELECT + "WHERE b.id = ?").param(id).query(BoxStore::box).optional();
    }

    public Optional<Box> byNumber(String number) {
        return jdbc.sql(SELECT + "WHERE b.number = ?").param(number).query(BoxStore::box).optional();
    }

    /** The boxes on the room's shelves, by row, section, shelf and number. */
    public List<Box> inRoom(String room) {
        return jdbc.sql(SELECT + "WHERE b.room = ? ORDER BY b.row_no, b.section_no, b.shelf_no, b.number").param(room)
                .query(BoxStore::box).list();
    }

    /** The boxes not on a shelf yet, the latest first (at most {@code limit}). */
    public List<Box> unshelved(int limit) {
        return jdbc.sql(SELECT + "WHERE b.room IS NULL ORDER BY b.id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .query(BoxStore::box).list();
    }

    public void place(long id, Location at) {
        jdbc.sql("UPDATE stacks_box SET room = ?, row_no = ?, section_no = ?, shelf_no = ? WHERE id = ?")
                .params(at.room(), at.row(), at.section(), at.shelf(), id).update();
    }

    private static Box box(ResultSet rs, int n) throws SQLException {
        String room = rs.getString(7);
        Location at = room == null ? null : new Location(room, rs.getInt(8), rs.getInt(9), rs.getInt(10));
        Integer year = rs.getObject(4) == null ? null : rs.getInt(4);
        return new Box(rs.getLong(1), rs.getString(2), rs.getString(3), year, rs.getString(5), rs.getString(6), at,
                rs.getLong(11));
    }
}
