package cn.lantai.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.lantai.catalog.Category;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.Fonds;
import org.springframework.jdbc.core.RowMapper;
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

    private static final String FONDS = "SELECT code, name, unit_code, start_year, end_year, notes FROM fonds";
    private static final RowMapper<Fonds> FONDS_ROW = (rs, n) -> new Fonds(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getObject(4, Integer.class), rs.getObject(5, Integer.class), rs.getString(6));

    public List<Fonds> fonds() {
        return jdbc.sql(FONDS + " ORDER BY code").query(FONDS_ROW).list();
    }

    public Optional<Fonds> fonds(String code) {
        return jdbc.sql(FONDS + " WHERE code = ?").param(code).query(FONDS_ROW).optional();
    }

    public void saveFonds(Fonds f) {
        if (jdbc.sql("UPDATE fonds SET name = ?, unit_code = ?, start_year = ?, end_year = ?, notes = ? WHERE code = ?")
                .params(f.name(), f.unit(), f.startYear(), f.endYear(), f.notes(), f.code()).update() == 0) {
            jdbc.sql("INSERT INTO fonds (code, name, unit_code, start_year, end_year, notes, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)").params(f.code(), f.name(), f.unit(), f.startYear(),
                    f.endYear(), f.notes(), Timestamp.from(Instant.now())).update();
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
