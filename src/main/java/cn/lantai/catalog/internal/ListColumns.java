package cn.lantai.catalog.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The columns each person has chosen for the catalogue list (table {@code list_columns}, V14). */
@Repository
public class ListColumns {

    private final JdbcClient jdbc;

    ListColumns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<List<String>> of(String username) {
        return jdbc.sql("SELECT columns FROM list_columns WHERE username = ?").param(username).query(String.class)
                .optional().map(text -> text.isEmpty() ? List.of() : Arrays.asList(text.split(",")));
    }

    /** Replaces the person's choice; update first, insert when there was none (the same on H2 and PostgreSQL). */
    public void save(String username, List<String> columns) {
        String text = String.join(",", columns);
        if (jdbc.sql("UPDATE list_columns SET columns = ? WHERE username = ?").params(text, username).update() == 0) {
            try {
                jdbc.sql("INSERT INTO list_columns (username, columns) VALUES (?, ?)").params(username, text).update();
            } catch (DuplicateKeyException e) {
                // the same person saved in another tab meanwhile: the later choice wins
                jdbc.sql("UPDATE list_columns SET columns = ? WHERE username = ?").params(text, username).update();
            }
        }
    }
}
