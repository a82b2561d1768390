package cn.lantai.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.lantai.catalog.Category;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.Fonds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Fonds (全宗) and categories (门类) with their field definitions. */
@Repository
public class Registry {

    private static final TypeReference<List<FieldDefinition>> DEFS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Registry(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Fonds> fonds() {
        return jdbc.sql("SELECT code, name FROM fonds ORDER BY code").query(Fonds.class).list();
    }

    public Optional<Fonds> fonds(String code) {
        return jdbc.sql("SELECT code, name FROM fonds WHERE code = ?").param(code).query(Fonds.class).optional();
    }

    public void saveFonds(Fonds fonds) {
        if (jdbc.sql("UPDATE fonds SET name = ? WHERE code = ?").params(fonds.name(), fonds.code()).update() == 0) {
            jdbc.sql("INSERT INTO fonds (code, name, created_at) VALUES (?, ?, ?)")
                    .params(fonds.code(), fonds.name(), Timestamp.from(Instant.now())).update();
        }
    }

    public List<Category> categories() {
        return jdbc.sql("SELECT code, name, field_defs FROM category ORDER BY code")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), DEFS)))
                .list();
    }

    public Optional<Category> category(String code) {
        return jdbc.sql("SELECT code, name, field_defs FROM category WHERE code = ?").param(code)
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), DEFS)))
                .optional();
    }

    public void saveCategory(Category category) {
        String defs = json.writeValueAsString(category.fields());
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.sql("UPDATE category SET name = ?, field_defs = ?, updated_at = ? WHERE code = ?")
                .params(category.name(), defs, now, category.code()).update() == 0) {
            jdbc.sql("INSERT INTO category (code, name, field_defs, updated_at) VALUES (?, ?, ?, ?)")
                    .params(category.code(), category.name(), defs, now).update();
        }
    }
}
