package cn.lantai.exhibition.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import cn.lantai.exhibition.Exhibition;
import cn.lantai.exhibition.ExhibitionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The exhibitions, their sections and exhibits (tables {@code exhibition_exhibition}, {@code exhibition_section},
 * {@code exhibition_exhibit}), with the visits counted so far. Order within a parent is kept as 1, 2, 3 … .
 */
@Repository
public class ExhibitionStore {

    private static final String COLUMNS = "e.id, e.slug, e.title, e.subtitle, e.introduction, e.cover_item_id, "
            + "e.cover_page, e.state, e.created_by, e.published_at, e.first_published_on, "
            + "(SELECT COUNT(*) FROM exhibition_visit v WHERE v.exhibition_id = e.id)";

    private final JdbcClient jdbc;

    ExhibitionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The exhibition's row with its visits, without sections. */
    private record Head(long id, String slug, String title, String subtitle, String introduction, Long cover,
            Integer coverPage, ExhibitionState state, String createdBy, Instant publishedAt, LocalDate firstPublished,
            long visits) {

        Exhibition with(List<Exhibition.Section> sections) {
            return new Exhibition(id, slug, title, subtitle, introduction, cover, coverPage, state, createdBy,
                    publishedAt, firstPublished, visits, sections);
        }
    }

    /** Every exhibition, newest first, without their sections' exhibits read (sections listed empty). */
    public List<Exhibition> all() {
        return heads("SELECT " + COLUMNS + " FROM exhibition_exhibition e ORDER BY e.id DESC", List.of()).stream()
                .map(h -> h.with(List.of())).toList();
    }

    /** The published exhibitions, latest published first, without sections. */
    public List<Exhibition> published() {
        return heads("SELECT " + COLUMNS + " FROM exhibition_exhibition e WHERE e.state = 'PUBLISHED' "
                + "ORDER BY e.published_at DESC, e.id DESC", List.of()).stream().map(h -> h.with(List.of())).toList();
    }

    /**
     * The exhibition with its sections and exhibits; {@code open} says which items the public may see now.
     */
    public Optional<Exhibition> find(long id, Predicate<Long> open) {
        return heads("SELECT " + COLUMNS + " FROM exhibition_exhibition e WHERE e.id = ?", List.of(id)).stream()
                .findFirst().map(h -> h.with(sections(id, open)));
    }

    /** The id of the exhibition with this slug. */
    public Optional<Long> idOfSlug(String slug) {
        return jdbc.sql("SELECT id FROM exhibition_exhibition WHERE slug = ?").param(slug).query(Long.class)
                .optional();
    }

    /** The items an exhibition shows (its exhibits and its cover), for one check of what the public may see. */
    public List<Long> items(long id) {
        List<Long> items = new ArrayList<>(jdbc.sql("SELECT x.item_id FROM exhibition_exhibit x "
                + "JOIN exhibition_section s ON s.id = x.section_id WHERE s.exhibition_id = ?").param(id)
                .query(Long.class).list());
        jdbc.sql("SELECT cover_item_id FROM exhibition_exhibition WHERE id = ? AND cover_item_id IS NOT NULL")
                .param(id).query(Long.class).optional().ifPresent(items::add);
        return items;
    }

    private List<Head> heads(String sql, List<Object> params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class),
                (Integer) rs.getObject(7, Integer.class), ExhibitionState.valueOf(rs.getString(8)), rs.getString(9),
                instant(rs.getTimestamp(10)), rs.getObject(11, LocalDate.class), rs.getLong(12))).list();
    }

    private List<Exhibition.Section> sections(long exhibition, Predicate<Long> open) {
        Map<Long, List<Exhibition.Exhibit>> exhibits = new LinkedHashMap<>();
        jdbc.sql("SELECT x.section_id, x.id, x.item_id, x.archival_code, x.caption, x.page_no FROM exhibition_exhibit x "
                + "JOIN exhibition_section s ON s.id = x.section_id WHERE s.exhibition_id = ? ORDER BY x.section_id, x.seq")
                .param(exhibition).query(rs -> {
                    long item = rs.getLong(3);
                    exhibits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Exhibition.Exhibit(
                            rs.getLong(2), item, rs.getString(4), rs.getString(5),
                            (Integer) rs.getObject(6, Integer.class), open.test(item)));
                });
        return jdbc.sql("SELECT id, title, body FROM exhibition_section WHERE exhibition_id = ? ORDER BY seq")
                .param(exhibition).query((rs, n) -> new Exhibition.Section(rs.getLong(1), rs.getString(2),
                        rs.getString(3), exhibits.getOrDefault(rs.getLong(1), List.of()))).list();
    }

    public long insert(String slug, String title, String subtitle, String introduction, Long cover, Integer coverPage,
            String createdBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO exhibition_exhibition (slug, title, subtitle, introduction, cover_item_id, cover_page, "
                        + "state, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(slug, title, subtitle, introduction, cover, coverPage, createdBy)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void update(long id, String slug, String title, String subtitle, String introduction, Long cover,
            Integer coverPage) {
        jdbc.sql("UPDATE exhibition_exhibition SET slug = ?, title = ?, subtitle = ?, introduction = ?, "
                        + "cover_item_id = ?, cover_page = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")
                .params(slug, title, subtitle, introduction, cover, coverPage, id).update();
    }

    /** Publishes: the first publication's archive day is kept, later ones leave it. */
    public void publish(long id, Instant at, LocalDate day) {
        jdbc.sql("UPDATE exhibition_exhibition SET state = 'PUBLISHED', published_at = ?, withdrawn_at = NULL, "
                        + "first_published_on = COALESCE(first_published_on, ?), updated_at = CURRENT_TIMESTAMP "
                        + "WHERE id = ?")
                .params(Timestamp.from(at), day, id).update();
    }

    public void withdraw(long id, Instant at) {
        jdbc.sql("UPDATE exhibition_exhibition SET state = 'WITHDRAWN', withdrawn_at = ?, "
                        + "updated_at = CURRENT_TIMESTAMP WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    public long addSection(long exhibition, String title, String text) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM exhibition_section WHERE exhibition_id = ?")
                .param(exhibition).query(Integer.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO exhibition_section (exhibition_id, seq, title, body) VALUES (?, ?, ?, ?)")
                .params(exhibition, seq, title, text).update(key, "id");
        return key.getKey().longValue();
    }

    /** The exhibition a section belongs to. */
    public Optional<Long> exhibitionOfSection(long section) {
        return jdbc.sql("SELECT exhibition_id FROM exhibition_section WHERE id = ?").param(section)
                .query(Long.class).optional();
    }

    /** The section an exhibit belongs to. */
    public Optional<Long> sectionOfExhibit(long exhibit) {
        return jdbc.sql("SELECT section_id FROM exhibition_exhibit WHERE id = ?").param(exhibit)
                .query(Long.class).optional();
    }

    public void removeSection(long exhibition, long section) {
        jdbc.sql("DELETE FROM exhibition_exhibit WHERE section_id = ?").param(section).update();
        jdbc.sql("DELETE FROM exhibition_section WHERE id = ?").param(section).update();
        renumber("exhibition_section", "exhibition_id", exhibition);
    }

    public long addExhibit(long section, long item, String archivalCode, String caption, Integer page) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM exhibition_exhibit WHERE section_id = ?")
                .param(section).query(Integer.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO exhibition_exhibit (section_id, seq, item_id, archival_code, caption, page_no) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(section, seq, item, archivalCode, caption, page).update(key, "id");
        return key.getKey().longValue();
    }

    public void removeExhibit(long section, long exhibit) {
        jdbc.sql("DELETE FROM exhibition_exhibit WHERE id = ?").param(exhibit).update();
        renumber("exhibition_exhibit", "section_id", section);
    }

    /** Swaps a section with its neighbour (up: the one before); nothing at either end. */
    public void moveSection(long exhibition, long section, boolean up) {
        swap("exhibition_section", "exhibition_id", exhibition, section, up);
    }

    public void moveExhibit(long section, long exhibit, boolean up) {
        swap("exhibition_exhibit", "section_id", section, exhibit, up);
    }

    /** How many exhibits the exhibition holds, in all its sections. */
    public int exhibitCount(long exhibition) {
        return jdbc.sql("SELECT COUNT(*) FROM exhibition_exhibit x JOIN exhibition_section s ON s.id = x.section_id "
                + "WHERE s.exhibition_id = ?").param(exhibition).query(Integer.class).single();
    }

    public int sectionCount(long exhibition) {
        return jdbc.sql("SELECT COUNT(*) FROM exhibition_section WHERE exhibition_id = ?").param(exhibition)
                .query(Integer.class).single();
    }

    /** Exhibitions first published on an archive day within these bounds. */
    public long firstPublished(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM exhibition_exhibition WHERE first_published_on BETWEEN ? AND ?")
                .params(from, to).query(Long.class).single();
    }

    // table and parent column names are this class's own constants, never input
    private void swap(String table, String parent, long parentId, long id, boolean up) {
        List<long[]> rows = jdbc.sql("SELECT id, seq FROM " + table + " WHERE " + parent + " = ? ORDER BY seq")
                .param(parentId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[0] == id) {
                int other = up ? i - 1 : i + 1;
                if (other < 0 || other >= rows.size()) {
                    return;
                }
                jdbc.sql("UPDATE " + table + " SET seq = ? WHERE id = ?").params(rows.get(other)[1], id).update();
                jdbc.sql("UPDATE " + table + " SET seq = ? WHERE id = ?").params(rows.get(i)[1], rows.get(other)[0])
                        .update();
                return;
            }
        }
    }

    private void renumber(String table, String parent, long parentId) {
        List<Long> ids = jdbc.sql("SELECT id FROM " + table + " WHERE " + parent + " = ? ORDER BY seq")
                .param(parentId).query(Long.class).list();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("UPDATE " + table + " SET seq = ? WHERE id = ?").params(i + 1, ids.get(i)).update();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
