package cn.lantai.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.lantai.catalog.GroupHolding;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.ListOrder;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The catalogue as a list: pages of a selection in a chosen order, and the counts of the tree below a year. The order's
 * column comes from {@link ListOrder#SORTABLE} only (an enum, never text from a request), so it can be put into the SQL.
 */
@Repository
public class ItemListing {

    private final JdbcTemplate jdbc;
    private final Items items;

    ItemListing(JdbcTemplate jdbc, Items items) {
        this.jdbc = jdbc;
        this.items = items;
    }

    public long count(ItemFilter filter, Integer volume, Viewer viewer) {
        Items.Where where = where(filter, volume, viewer);
        Long n = jdbc.queryForObject("SELECT COUNT(*)" + where.from() + where.sql(), Long.class,
                where.args().toArray());
        return n == null ? 0 : n;
    }

    /**
     * One page in the order, ties broken by the unique 档号; empty values last whichever the direction, the same on H2
     * and PostgreSQL. The database orders only the selection and stops after the page (a top-N sort, or an index walk
     * in 档号 order), so no page reads the whole table into the application.
     */
    public List<Item> page(ItemFilter filter, Integer volume, ListOrder order, Viewer viewer, int page, int size) {
        Items.Where where = where(filter, volume, viewer);
        List<Object> args = new ArrayList<>(where.args());
        args.add(size);
        args.add((long) page * size);
        String direction = order.descending() ? " DESC" : " ASC";
        String orderBy = order.field() == null ? "archival_code" + direction
                : order.field().column() + direction + " NULLS LAST, archival_code" + direction;
        return jdbc.query("SELECT item.*" + where.from() + where.sql() + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?",
                items.mapper(), args.toArray());
    }

    /**
     * Counts by retention, organisation code and file of one fonds, category and year: the tree below the year, the
     * longest kept first (the codes Y, D30, D10 sort so backwards).
     */
    public List<GroupHolding> groups(String fonds, String category, int year, Viewer viewer) {
        Items.Where where = where(new ItemFilter(fonds, category, year, year, null, null, null, null, null), null,
                viewer);
        return jdbc.query("SELECT retention, org_code, volume_no, COUNT(*) AS n" + where.from() + where.sql()
                        + " GROUP BY retention, org_code, volume_no ORDER BY retention DESC, org_code, volume_no",
                (rs, n) -> new GroupHolding(Retention.ofCode(rs.getString("retention")),
                        Objects.toString(rs.getString("org_code"), ""),
                        (Integer) rs.getObject("volume_no", Integer.class), rs.getLong("n")),
                where.args().toArray());
    }

    private static Items.Where where(ItemFilter filter, Integer volume, Viewer viewer) {
        Items.Where where = Items.where(filter, viewer);
        return volume == null ? where : where.and("volume_no = ?", volume);
    }
}
