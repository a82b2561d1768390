package cn.lantai.digitization.internal.ocr;

import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.PageText;
import cn.lantai.digitization.internal.TextLedger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What OCR made of each page ({@code page_reading}): read (its text in {@code page_text}, written in the same
 * transaction) or failed with a reason, by which engine, from which master. It is how a resumed job knows which pages
 * it need not read again: those with a row for the same master digest and engine.
 */
@Repository
public class PageReadings {

    public enum Outcome { READ, FAILED }

    /** One page's outcome. */
    public record Row(int page, String sha256, String engine, Outcome outcome, String reason) {

        /** True when this row stands for reading that master with that engine. */
        boolean covers(String masterSha256, String engineName) {
            return sha256.equals(masterSha256) && engine.equals(engineName);
        }
    }

    private final JdbcClient jdbc;
    private final TextLedger texts;

    PageReadings(JdbcClient jdbc, TextLedger texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    public Map<Integer, Row> of(ItemId item) {
        Map<Integer, Row> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM page_reading WHERE item_id = ?").param(item.value())
                .query((rs, n) -> new Row(rs.getInt("page"), rs.getString("sha256"), rs.getString("engine"),
                        Outcome.valueOf(rs.getString("outcome")), rs.getString("reason")))
                .list().forEach(r -> rows.put(r.page(), r));
        return rows;
    }

    /** Stores the page's text and that it was read from this master, together. */
    @Transactional
    public void read(PageText text, String sha256) {
        texts.put(text);
        mark(text.item(), text.page(), sha256, text.engine(), Outcome.READ, null);
    }

    /** Records that the page could not be read, and why; an older text of the page is dropped (it was of another master or engine run). */
    @Transactional
    public void failed(ItemId item, int page, String sha256, String engine, String reason) {
        jdbc.sql("DELETE FROM page_text WHERE item_id = ? AND page = ?").params(item.value(), page).update();
        String why = reason == null || reason.isBlank() ? "unknown reason" : reason;
        mark(item, page, sha256, engine, Outcome.FAILED, why.length() > 1000 ? why.substring(0, 1000) : why);
    }

    /** Forgets what was read of the entry, so that the next job reads every page again (the text stays until then). */
    @Transactional
    public void forget(ItemId item) {
        jdbc.sql("DELETE FROM page_reading WHERE item_id = ?").param(item.value()).update();
    }

    /** Drops readings and texts of pages above {@code lastPage} (the entry has fewer pages now). */
    @Transactional
    public void truncate(ItemId item, int lastPage) {
        jdbc.sql("DELETE FROM page_reading WHERE item_id = ? AND page > ?").params(item.value(), lastPage).update();
        texts.truncate(item, lastPage);
    }

    /** The stored texts of the entries' pages, in page order, a page without text as an empty string. */
    public Map<ItemId, List<String>> texts(Collection<ItemId> items) {
        Map<ItemId, String[]> pages = new HashMap<>();
        if (items.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("SELECT item_id, page, text FROM page_text WHERE item_id IN (:ids) ORDER BY item_id, page")
                .param("ids", items.stream().map(ItemId::value).distinct().toList())
                .query((rs, n) -> {
                    ItemId item = new ItemId(rs.getLong("item_id"));
                    int page = rs.getInt("page");
                    String[] list = pages.get(item);
                    if (list == null || list.length < page) {
                        String[] grown = new String[Math.max(page, list == null ? 0 : list.length)];
                        if (list != null) {
                            System.arraycopy(list, 0, grown, 0, list.length);
                        }
                        list = grown;
                        pages.put(item, list);
                    }
                    list[page - 1] = rs.getString("text");
                    return null;
                }).list();
        Map<ItemId, List<String>> out = new HashMap<>();
        pages.forEach((item, list) -> out.put(item,
                Arrays.stream(list).map(t -> t == null ? "" : t).toList()));
        return out;
    }

    private void mark(ItemId item, int page, String sha256, String engine, Outcome outcome, String reason) {
        jdbc.sql("DELETE FROM page_reading WHERE item_id = ? AND page = ?").params(item.value(), page).update();
        jdbc.sql("INSERT INTO page_reading (item_id, page, sha256, engine, outcome, reason, read_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(item.value(), page, sha256, engine, outcome.name(), reason, Timestamp.from(Instant.now()))
                .update();
    }
}
