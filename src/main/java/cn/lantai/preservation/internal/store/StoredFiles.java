package cn.lantai.preservation.internal.store;

import cn.lantai.catalog.ItemId;
import cn.lantai.preservation.StoredFile;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The store's listing in the database ({@code stored_object}, {@code stored_file}): what each object's head holds. */
@Repository
public class StoredFiles {

    private final JdbcClient jdbc;

    StoredFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces what the listing says of one object by what its head version holds, and closes its write intent. */
    @Transactional
    public void put(ItemId id, String objectId, int headVersion, String descriptionSha256, List<StoredFile> files) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("DELETE FROM stored_file WHERE item_id = ?").param(id.value()).update();
        jdbc.sql("DELETE FROM stored_object WHERE item_id = ?").param(id.value()).update();
        jdbc.sql("DELETE FROM store_intent WHERE item_id = ?").param(id.value()).update();
        jdbc.sql("INSERT INTO stored_object (item_id, object_id, head_version, description_sha256, updated_at) "
                + "VALUES (?, ?, ?, ?, ?)").params(id.value(), objectId, headVersion, descriptionSha256, now).update();
        for (StoredFile f : files) {
            jdbc.sql("INSERT INTO stored_file (item_id, name, version, size, format, sha256, sm3, stored_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id.value(), f.name(), f.version(), f.size(), f.format(), f.sha256(), f.sm3(), now).update();
        }
    }

    public List<StoredFile> of(ItemId id) {
        return jdbc.sql("SELECT * FROM stored_file WHERE item_id = ? ORDER BY name").param(id.value())
                .query((rs, n) -> new StoredFile(rs.getString("name"), rs.getLong("size"), rs.getString("format"),
                        rs.getString("sha256"), rs.getString("sm3"), rs.getInt("version")))
                .list();
    }

    public Optional<Integer> headVersion(ItemId id) {
        return jdbc.sql("SELECT head_version FROM stored_object WHERE item_id = ?").param(id.value())
                .query(Integer.class).optional();
    }

    public Optional<String> descriptionSha256(ItemId id) {
        return jdbc.sql("SELECT description_sha256 FROM stored_object WHERE item_id = ?").param(id.value())
                .query(String.class).optional();
    }

    public long objectCount() {
        return jdbc.sql("SELECT COUNT(*) FROM stored_object").query(Long.class).single();
    }

    @Transactional
    public void clear() {
        jdbc.sql("DELETE FROM stored_file").update();
        jdbc.sql("DELETE FROM stored_object").update();
    }
}
