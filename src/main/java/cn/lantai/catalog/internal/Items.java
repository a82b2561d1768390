package cn.lantai.catalog.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import cn.lantai.catalog.Description;
import cn.lantai.catalog.Holding;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The items (件) of the catalogue in the database; one column per {@link DescriptionField}. */
@Repository
public class Items {

    private static final DescriptionField[] FIELDS = DescriptionField.values();
    private static final String COLUMNS = Arrays.stream(FIELDS).map(DescriptionField::column)
            .collect(Collectors.joining(", "));
    private static final String INSERT_AT_VERSION = "INSERT INTO item (id, archival_code, group_key, " + COLUMNS
            + ", extra, version, created_at, updated_at) VALUES (?, ?, ?, "
            + "?, ".repeat(FIELDS.length) + "?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE item SET archival_code = ?, group_key = ?, "
            + Arrays.stream(FIELDS).map(f -> f.column() + " = ?").collect(Collectors.joining(", "))
            + ", extra = ?, version = version + 1, updated_at = ? WHERE id = ?";
    private static final TypeReference<LinkedHashMap<String, String>> EXTRA = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final IdBlocks ids;

    Items(JdbcTemplate jdbc, JsonMapper json, IdBlocks ids) {
        this.jdbc = jdbc;
        this.json = json;
        this.ids = ids;
    }

    /** An item to write: its id (new or existing), its description and extra fields. */
    public record Row(long id, Description description, Map<String, String> extra) {
    }

    public long nextId() {
        return ids.next();
    }

    public void insert(List<Row> rows) {
        insertAtVersions(rows, row -> 0);
    }

    /** Puts items back under their own ids and versions (a rebuild from the archival store). */
    public void restore(List<Item> items) {
        Map<Long, Integer> versions = items.stream().collect(Collectors.toMap(i -> i.id().value(), Item::version));
        insertAtVersions(items.stream().map(i -> new Row(i.id().value(), i.description(), i.extra())).toList(),
                row -> versions.get(row.id()));
    }

    private void insertAtVersions(List<Row> rows, ToIntFunction<Row> version) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(INSERT_AT_VERSION, rows, 500, (ps, row) -> {
            int i = 1;
            ps.setLong(i++, row.id());
            ps.setString(i++, row.description().archivalCode().toString());
            ps.setString(i++, row.description().groupKey());
            i = setFields(ps, i, row.description());
            ps.setString(i++, extraJson(row.extra()));
            ps.setInt(i++, version.applyAsInt(row));
            ps.setTimestamp(i++, now);
            ps.setTimestamp(i, now);
        });
    }

    public void update(List<Row> rows) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(UPDATE, rows, 500, (ps, row) -> {
            int i = 1;
            ps.setString(i++, row.description().archivalCode().toString());
            ps.setString(i++, row.description().groupKey());
            i = setFields(ps, i, row.description());
            ps.setString(i++, extraJson(row.extra()));
            ps.setTimestamp(i++, now);
            ps.setLong(i, row.id());
        });
    }

    /** Updates one item only if nobody changed it since {@code expectedVersion}; false otherwise. */
    public boolean updateIfVersion(Row row, int expectedVersion) {
        List<Object> args = new ArrayList<>();
        args.add(row.description().archivalCode().toString());
        args.add(row.description().groupKey());
        for (DescriptionField f : FIELDS) {
            args.add(toColumn(f, row.description().get(f)));
        }
        args.add(extraJson(row.extra()));
        args.add(Timestamp.from(Instant.now()));
        args.add(row.id());
        args.add(expectedVersion);
        return jdbc.update(UPDATE + " AND version = ?", args.toArray()) == 1;
    }

    /** Moves items to new numbers inside their groups without tripping the uniqueness of numbers on the way. */
    public void renumber(Map<Long, Description> newDescriptions) {
        jdbc.batchUpdate("UPDATE item SET item_no = -id, archival_code = CONCAT('~', id) WHERE id = ?",
                newDescriptions.keySet(), 500, (ps, id) -> ps.setLong(1, id));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("UPDATE item SET item_no = ?, archival_code = ?, group_key = ?, filing_year = ?, retention = ?, "
                        + "org_code = ?, fonds_code = ?, category_code = ?, volume_no = ?, version = version + 1, "
                        + "updated_at = ? WHERE id = ?",
                newDescriptions.entrySet(), 500, (ps, e) -> {
                    Description d = e.getValue();
                    ps.setInt(1, d.itemNo());
                    ps.setString(2, d.archivalCode().toString());
                    ps.setString(3, d.groupKey());
                    ps.setInt(4, d.year());
                    ps.setString(5, d.retention().code());
                    ps.setString(6, d.getOrEmpty(DescriptionField.ORG));
                    ps.setString(7, d.get(DescriptionField.FONDS));
                    ps.setString(8, d.get(DescriptionField.CATEGORY));
                    if (d.volume() == null) {
                        ps.setNull(9, Types.INTEGER);
                    } else {
                        ps.setInt(9, d.volume());
                    }
                    ps.setTimestamp(10, now);
                    ps.setLong(11, e.getKey());
                });
    }

    public void delete(Collection<Long> ids) {
        jdbc.batchUpdate("DELETE FROM item WHERE id = ?", ids, 500, (ps, id) -> ps.setLong(1, id));
    }

    public Optional<Item> byId(long id) {
        return jdbc.query("SELECT * FROM item WHERE id = ?", mapper(), id).stream().findFirst();
    }

    /**
     * The item if the viewer may see it, in one query that applies their sight (clearance, open status, data scope):
     * an item they may not see is simply not found, by the same statement and the same work as one that does not exist.
     */
    public Optional<Item> visible(long id, Viewer viewer) {
        Where where = where(ItemFilter.ofIds(List.of(id)), viewer);
        return jdbc.query("SELECT item.*" + where.from + where.sql, mapper(), where.args.toArray()).stream()
                .findFirst();
    }

    /**
     * The items of these ids in the order given (a bulk edit numbers the items it moves in that order, and its preview
     * must number them alike), each once, without those that do not exist.
     */
    public List<Item> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Item> found = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(ids), IN_LIST)) {
            jdbc.query("SELECT * FROM item WHERE id IN (" + marks(chunk.size()) + ")", mapper(), chunk.toArray())
                    .forEach(item -> found.put(item.id().value(), item));
        }
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    public Map<String, Item> byArchivalCodes(Collection<String> codes) {
        Map<String, Item> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(List.copyOf(codes), IN_LIST)) {
            jdbc.query("SELECT * FROM item WHERE archival_code IN (" + marks(chunk.size()) + ")", mapper(),
                    chunk.toArray()).forEach(item -> found.put(item.archivalCode(), item));
        }
        return found;
    }

    /** The item of the same group with the same title, date and document number: the same record imported again. */
    public Optional<Item> sameRecord(Description d) {
        return jdbc.query("""
                SELECT * FROM item WHERE group_key = ? AND title = ? AND doc_date = ?
                AND COALESCE(doc_number, '') = ? ORDER BY item_no""", mapper(), d.groupKey(),
                d.get(DescriptionField.TITLE), LocalDate.parse(d.get(DescriptionField.DATE)),
                d.getOrEmpty(DescriptionField.DOC_NUMBER)).stream().findFirst();
    }

    /** What makes two entries of a group without item numbers the same record: title, date and document number. */
    public record RecordKey(String groupKey, String title, String date, String docNumber) {

        public static RecordKey of(Description d) {
            return new RecordKey(d.groupKey(), d.get(DescriptionField.TITLE), d.get(DescriptionField.DATE),
                    d.getOrEmpty(DescriptionField.DOC_NUMBER));
        }
    }

    /**
     * {@link #sameRecord} for many entries at once: a few indexed queries per thousand entries instead of one each.
     * Of several matching items the one with the lowest number is the record.
     */
    public Map<RecordKey, Item> sameRecords(Collection<Description> entries) {
        Map<RecordKey, Item> found = new java.util.HashMap<>();
        if (entries.isEmpty()) {
            return found;
        }
        java.util.Set<RecordKey> wanted = new java.util.HashSet<>();
        entries.forEach(d -> wanted.add(RecordKey.of(d)));
        for (List<RecordKey> chunk : chunks(List.copyOf(wanted), IN_LIST)) {
            List<String> groups = chunk.stream().map(RecordKey::groupKey).distinct().toList();
            List<String> titles = chunk.stream().map(RecordKey::title).distinct().toList();
            List<Object> args = new ArrayList<>(groups);
            args.addAll(titles);
            jdbc.query("SELECT * FROM item WHERE group_key IN (" + marks(groups.size()) + ") AND title IN ("
                    + marks(titles.size()) + ") ORDER BY item_no", mapper(), args.toArray()).forEach(item -> {
                        RecordKey key = RecordKey.of(item.description());
                        if (wanted.contains(key)) {
                            found.putIfAbsent(key, item);
                        }
                    });
        }
        return found;
    }

    /** Items of one number group, by item number. */
    public List<Item> inGroup(String groupKey) {
        return jdbc.query("SELECT * FROM item WHERE group_key = ? ORDER BY item_no", mapper(), groupKey);
    }

    public int maxNumber(String groupKey) {
        Integer max = jdbc.queryForObject("SELECT MAX(item_no) FROM item WHERE group_key = ?", Integer.class, groupKey);
        return max == null ? 0 : max;
    }

    public long count(ItemFilter filter, Viewer viewer) {
        Where where = where(filter, viewer);
        Long n = jdbc.queryForObject("SELECT COUNT(*)" + where.from + where.sql, Long.class, where.args.toArray());
        return n == null ? 0 : n;
    }

    public List<Item> page(ItemFilter filter, Viewer viewer, int page, int size) {
        Where where = where(filter, viewer);
        List<Object> args = new ArrayList<>(where.args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("SELECT item.*" + where.from + where.sql + " ORDER BY archival_code LIMIT ? OFFSET ?",
                mapper(), args.toArray());
    }

    /** Counts by fonds, category and year of the selected items: the leaves of the catalogue tree. */
    public List<Holding> holdings(ItemFilter filter, Viewer viewer) {
        Where where = where(filter, viewer);
        return jdbc.query("SELECT fonds_code, category_code, filing_year, COUNT(*) AS n" + where.from + where.sql
                + " GROUP BY fonds_code, category_code, filing_year ORDER BY fonds_code, category_code, filing_year",
                (rs, n) -> new Holding(rs.getString("fonds_code"), rs.getString("category_code"),
                        rs.getInt("filing_year"), rs.getLong("n")), where.args.toArray());
    }

    public List<Long> ids(ItemFilter filter, Viewer viewer) {
        Where where = where(filter, viewer);
        return jdbc.queryForList("SELECT item.id" + where.from + where.sql + " ORDER BY archival_code", Long.class,
                where.args.toArray());
    }

    /** Streams the selected items in batches, in archival-code order, by keyset so memory stays flat. */
    public void forEachBatch(ItemFilter filter, Viewer viewer, int batchSize, Consumer<List<Item>> consumer) {
        Where where = where(filter, viewer);
        String after = "";
        while (true) {
            List<Object> args = new ArrayList<>(where.args);
            args.add(after);
            args.add(batchSize);
            String sql = "SELECT item.*" + where.from + (where.sql.isEmpty() ? " WHERE" : where.sql + " AND")
                    + " archival_code > ? ORDER BY archival_code LIMIT ?";
            List<Item> batch = jdbc.query(sql, mapper(), args.toArray());
            if (batch.isEmpty()) {
                return;
            }
            consumer.accept(batch);
            after = batch.get(batch.size() - 1).archivalCode();
        }
    }

    /**
     * The tables (the item table, joined to the chosen ids where a selection names many), the WHERE clause (with its
     * leading space, or empty) and the arguments of both, in that order, of a selection and a viewer's sight.
     */
    record Where(String from, String sql, List<Object> args) {

        /** This selection, further narrowed by a condition with one argument. */
        Where and(String condition, Object arg) {
            List<Object> more = new ArrayList<>(args);
            more.add(arg);
            return new Where(from, (sql.isEmpty() ? " WHERE " : sql + " AND ") + condition, more);
        }
    }

    static Where where(ItemFilter f, Viewer viewer) {
        String from = " FROM item";
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (f.fonds() != null) {
            clauses.add("fonds_code = ?");
            args.add(f.fonds());
        }
        if (f.category() != null) {
            clauses.add("category_code = ?");
            args.add(f.category());
        }
        if (f.yearFrom() != null) {
            clauses.add("filing_year >= ?");
            args.add(f.yearFrom());
        }
        if (f.yearTo() != null) {
            clauses.add("filing_year <= ?");
            args.add(f.yearTo());
        }
        if (f.retention() != null) {
            clauses.add("retention = ?");
            args.add(f.retention().code());
        }
        if (f.org() != null) {
            clauses.add("org_code = ?");
            args.add(f.org());
        }
        if (f.classification() != null) {
            clauses.add("classification = ?");
            args.add(f.classification().name());
        }
        if (f.openStatus() != null) {
            clauses.add("open_status = ?");
            args.add(f.openStatus().name());
        }
        if (f.ids() != null) {
            if (f.ids().isEmpty()) {
                clauses.add("1 = 0");
            } else if (f.ids().size() <= 1000) {
                clauses.add("id IN (" + marks(f.ids().size()) + ")");
                args.addAll(f.ids());
            } else {
                // the ids as a table to join, in one array parameter: a list of 50,000 would pass PostgreSQL's limit of
                // bind parameters, and H2 compares each row with the whole array of "id = ANY (?)" (2.7 s for 50,000
                // ids among 100,000 items, against 0.07 s joined)
                from = " FROM item JOIN UNNEST(CAST(? AS BIGINT ARRAY)) AS chosen (item_id)"
                        + " ON item.id = chosen.item_id";
                args.add(f.ids().stream().distinct().toArray(Long[]::new));
            }
        }
        if (viewer != null) {
            Sight.Clause sight = Sight.visible(viewer, "");
            clauses.add(sight.sql());
            args.addAll(sight.args());
        }
        return new Where(from, clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), args);
    }

    RowMapper<Item> mapper() {
        return (rs, n) -> new Item(new cn.lantai.catalog.ItemId(rs.getLong("id")), rs.getString("archival_code"),
                description(rs), extra(rs.getString("extra")), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant());
    }

    private static Description description(ResultSet rs) throws SQLException {
        Map<DescriptionField, String> values = new EnumMap<>(DescriptionField.class);
        for (DescriptionField f : FIELDS) {
            String v = switch (f.kind()) {
                case DATE -> {
                    java.sql.Date d = rs.getDate(f.column());
                    yield d == null ? null : d.toLocalDate().toString();
                }
                case INTEGER -> {
                    Object o = rs.getObject(f.column());
                    yield o == null ? null : o.toString();
                }
                default -> rs.getString(f.column());
            };
            if (v != null) {
                values.put(f, v);
            }
        }
        return new Description(values);
    }

    private static int setFields(PreparedStatement ps, int i, Description d) throws SQLException {
        for (DescriptionField f : FIELDS) {
            Object v = toColumn(f, d.get(f));
            if (v == null) {
                ps.setNull(i++, f.kind() == DescriptionField.Kind.INTEGER ? Types.INTEGER
                        : f.kind() == DescriptionField.Kind.DATE ? Types.DATE : Types.VARCHAR);
            } else {
                ps.setObject(i++, v);
            }
        }
        return i;
    }

    private static Object toColumn(DescriptionField f, String value) {
        if (f == DescriptionField.ORG) {
            return value == null ? "" : value;
        }
        if (value == null) {
            return null;
        }
        return switch (f.kind()) {
            case INTEGER -> Integer.valueOf(value);
            case DATE -> java.sql.Date.valueOf(value);
            default -> value;
        };
    }

    private String extraJson(Map<String, String> extra) {
        return extra == null || extra.isEmpty() ? null : json.writeValueAsString(extra);
    }

    private Map<String, String> extra(String text) {
        return text == null ? Map.of() : json.readValue(text, EXTRA);
    }

    /**
     * Values in one {@code IN} list when reading many rows by key. H2 finds the rows by the index but then checks
     * each against the whole list, so a list of n costs n² comparisons: reading an indexed batch of 1,000 items in
     * lists of 100 took a tenth of the time of one list of 1,000 (and its indexer thread a third of its CPU in those
     * comparisons). PostgreSQL pays only the extra round trips.
     */
    static final int IN_LIST = 100;

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return chunks;
    }
}
