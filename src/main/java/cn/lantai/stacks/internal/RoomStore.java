package cn.lantai.stacks.internal;

import java.util.List;
import java.util.Optional;

import cn.lantai.stacks.Room;
import cn.lantai.stacks.RoomKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rooms of the stacks (table {@code stacks_room}). */
@Repository
public class RoomStore {

    private final JdbcClient jdbc;

    RoomStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Room> all() {
        return jdbc.sql("SELECT code, name, kind, row_count, section_count, shelf_count FROM stacks_room ORDER BY code")
                .query((rs, n) -> new Room(rs.getString(1), rs.getString(2), RoomKind.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    public Optional<Room> find(String code) {
        return jdbc.sql("SELECT code, name, kind, row_count, section_count, shelf_count FROM stacks_room WHERE code = ?")
                .param(code)
                .query((rs, n) -> new Room(rs.getString(1), rs.getString(2), RoomKind.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .optional();
    }

    public void insert(Room room) {
        jdbc.sql("INSERT INTO stacks_room (code, name, kind, row_count, section_count, shelf_count, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(room.code(), room.name(), room.kind().name(), room.rows(), room.sections(), room.shelves())
                .update();
    }
}
