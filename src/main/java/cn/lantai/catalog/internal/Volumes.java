package cn.lantai.catalog.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Volume;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files (卷) of the catalogue, each with the number of its items that the one asking may read. */
@Repository
public class Volumes {

    private final JdbcClient jdbc;
    private final IdBlocks ids;

    Volumes(JdbcClient jdbc, IdBlocks ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Records a file under its code: its group's parts and its number, {@code 0012-WS·1988-Y-BGS-0003}. */
    public Volume insert(ArchivalCode code, String title, Classification classification, OpenStatus openStatus,
            String notes, LocalDate startDate, LocalDate endDate) {
        long id = ids.next();
        jdbc.sql("""
                INSERT INTO volume (id, archival_code, group_key, fonds_code, category_code, filing_year, retention,
                org_code, volume_no, title, classification, open_status, notes, start_date, end_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, code.toString(), code.groupKey(), code.fonds(), code.category(), code.year(),
                        code.retention().code(), code.org(), code.itemNo(), title, classification.name(),
                        openStatus.name(), notes, date(startDate), date(endDate), Timestamp.from(Instant.now()))
                .update();
        return new Volume(id, code.toString(), code.fonds(), code.category(), code.year(), code.retention(), code.org(),
                code.itemNo(), title, classification, openStatus, notes, startDate, endDate, 0);
    }

    /** Puts a file back under its own id (a rebuild from the archival store). */
    public void restore(Volume v) {
        ArchivalCode code = new ArchivalCode(v.fonds(), v.category(), v.year(), v.retention(), v.org(), v.number());
        jdbc.sql("""
                INSERT INTO volume (id, archival_code, group_key, fonds_code, category_code, filing_year, retention,
                org_code, volume_no, title, classification, open_status, notes, start_date, end_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.id(), code.toString(), code.groupKey(), v.fonds(), v.category(), v.year(),
                        v.retention().code(), code.org(), v.number(), v.title(), v.classification().name(),
                        v.openStatus().name(), v.notes(), date(v.startDate()), date(v.endDate()),
                        Timestamp.from(Instant.now()))
                .update();
    }

    /** Every file, for modules that keep a copy of the catalogue's definitions; item counts are not asked. */
    public List<Volume> all() {
        return jdbc.sql("SELECT v.*, 0 AS items FROM volume v ORDER BY v.id").query(mapper()).list();
    }

    /** A file's title and date range, as changed by a person. */
    public void describe(long id, String title, LocalDate startDate, LocalDate endDate) {
        jdbc.sql("UPDATE volume SET title = ?, start_date = ?, end_date = ? WHERE id = ?")
                .params(title, date(startDate), date(endDate), id).update();
    }

    /** A file's number in its group and its code, after a file before it was deleted (closing up). */
    public void renumber(long id, int number, String archivalCode) {
        jdbc.sql("UPDATE volume SET volume_no = ?, archival_code = ? WHERE id = ?").params(number, archivalCode, id)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM volume WHERE id = ?").param(id).update();
    }

    /** The file whatever the viewer may see, for a change once the actor is let in; counts every item. */
    public Optional<Volume> byId(long id) {
        return select(Viewer.system(), " WHERE v.id = ?", List.of(id)).optional();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /**
     * The file if the viewer may see it, in one query that applies their sight to the file too: one they may not see
     * is simply not found, by the same statement as one that does not exist (see {@link Items#visible}).
     */
    public Optional<Volume> visible(long id, Viewer viewer) {
        Sight.Clause file = Sight.visible(viewer, "v.");
        List<Object> params = new ArrayList<>(List.of(id));
        params.addAll(file.args());
        return select(viewer, " WHERE v.id = ? AND " + file.sql(), params).optional();
    }

    public List<Volume> inGroup(String groupKey, Viewer viewer) {
        return select(viewer, " WHERE v.group_key = ? ORDER BY v.volume_no", List.of(groupKey)).list();
    }

    /** Files with the count of their items the viewer may read: a hidden item is not counted, as it is not listed. */
    private JdbcClient.MappedQuerySpec<Volume> select(Viewer viewer, String where, List<Object> whereParams) {
        Sight.Clause visible = Sight.visible(viewer, "i.");
        List<Object> params = new ArrayList<>(visible.args());
        params.addAll(whereParams);
        return jdbc.sql("SELECT v.*, (SELECT COUNT(*) FROM item i WHERE i.group_key = CONCAT(v.group_key, '|', "
                + "v.volume_no) AND " + visible.sql() + ") AS items FROM volume v" + where).params(params)
                .query(mapper());
    }

    public int maxNumber(String groupKey) {
        Integer max = jdbc.sql("SELECT MAX(volume_no) FROM volume WHERE group_key = ?").param(groupKey)
                .query(Integer.class).optional().orElse(null);
        return max == null ? 0 : max;
    }

    /** Groups arranged in files, and every file as {@code group|number}: what the rules check entries against. */
    public Set<String> fileKeys() {
        return Set.copyOf(jdbc.sql("SELECT CONCAT(group_key, '|', volume_no) FROM volume").query(String.class).list());
    }

    public Set<String> groupsInFiles() {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT group_key FROM volume").query(String.class).list());
    }

    private static RowMapper<Volume> mapper() {
        return (rs, n) -> new Volume(rs.getLong("id"), rs.getString("archival_code"), rs.getString("fonds_code"),
                rs.getString("category_code"), rs.getInt("filing_year"), Retention.ofCode(rs.getString("retention")),
                rs.getString("org_code"), rs.getInt("volume_no"), rs.getString("title"),
                Classification.valueOf(rs.getString("classification")), OpenStatus.valueOf(rs.getString("open_status")),
                rs.getString("notes"), localDate(rs.getDate("start_date")), localDate(rs.getDate("end_date")),
                rs.getLong("items"));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
