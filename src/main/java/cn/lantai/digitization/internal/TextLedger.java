package cn.lantai.digitization.internal;

import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.PageText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The OCR text of each page ({@code page_text}): one row per page, replaced when the page is read again. */
@Repository
public class TextLedger {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<PageText.Word>> WORDS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    TextLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void put(PageText text) {
        jdbc.sql("DELETE FROM page_text WHERE item_id = ? AND page = ?").params(text.item().value(), text.page())
                .update();
        jdbc.sql("INSERT INTO page_text (item_id, page, engine, text, words, read_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(text.item().value(), text.page(), text.engine(), text.text(),
                        JSON.writeValueAsString(text.words()), Timestamp.from(Instant.now()))
                .update();
    }

    public List<PageText> of(ItemId item) {
        return jdbc.sql("SELECT * FROM page_text WHERE item_id = ? ORDER BY page").param(item.value())
                .query(TextLedger::row).list();
    }

    public Optional<PageText> page(ItemId item, int page) {
        return jdbc.sql("SELECT * FROM page_text WHERE item_id = ? AND page = ?").params(item.value(), page)
                .query(TextLedger::row).optional();
    }

    /** Forgets the text of the entry's pages numbered above {@code lastPage}. */
    @Transactional
    public void truncate(ItemId item, int lastPage) {
        jdbc.sql("DELETE FROM page_text WHERE item_id = ? AND page > ?").params(item.value(), lastPage).update();
    }

    private static PageText row(ResultSet rs, int n) throws SQLException {
        return new PageText(new ItemId(rs.getLong("item_id")), rs.getInt("page"), rs.getString("engine"),
                rs.getString("text"), JSON.readValue(rs.getString("words"), WORDS));
    }
}
