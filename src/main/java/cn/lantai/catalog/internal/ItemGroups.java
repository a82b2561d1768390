package cn.lantai.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import cn.lantai.catalog.Viewer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises the allocation of item numbers (件号) inside one group: whoever holds the group's row lock is the only one
 * numbering it until their transaction ends, so numbers stay gap-free and are never given twice, across threads,
 * imports and nodes sharing the database. Also answers whether a group holds records beyond someone's sight: only
 * who may read a whole group may number in it (see {@link GroupGate}).
 */
@Repository
public class ItemGroups {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;

    ItemGroups(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String groupKey) {
        if (jdbc.update("UPDATE item_group SET allocations = allocations + 1 WHERE group_key = ?", groupKey) == 1) {
            return;
        }
        try {
            // in a transaction of its own, so losing a race on creation never aborts the caller's transaction
            separately.executeWithoutResult(tx -> jdbc.update(
                    "INSERT INTO item_group (group_key, allocations) VALUES (?, 0)", groupKey));
        } catch (DuplicateKeyException createdMeanwhile) {
            // another transaction created it first; its lock is what we wait for now
        }
        jdbc.update("UPDATE item_group SET allocations = allocations + 1 WHERE group_key = ?", groupKey);
    }

    /** Locks several groups, always in the same order, so two writers never wait on each other in a circle. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockAll(Collection<String> groupKeys) {
        for (String key : new TreeSet<>(groupKeys)) {
            lock(key);
        }
    }

    /**
     * Whether the arrangement group (全宗·门类·年度·保管期限·机构, {@link cn.lantai.catalog.Description#arrangementGroup})
     * holds a record the viewer may not read: a loose item, a file (卷), or an item in one of its files. Three index
     * seeks ({@code item_sight}, the files' number index), whatever the group's size and whatever it hides.
     */
    public boolean holdsHiddenFrom(String arrangementGroup, Viewer viewer) {
        Sight.Clause item = Sight.hidden(viewer, "i.");
        if (item == null) {
            return false;
        }
        Sight.Clause file = Sight.hidden(viewer, "v.");
        List<Object> args = new ArrayList<>();
        args.add(arrangementGroup);
        args.addAll(item.args());
        args.add(arrangementGroup);
        args.addAll(file.args());
        args.add(arrangementGroup);
        args.addAll(item.args());
        Integer hidden = jdbc.queryForObject("SELECT CASE WHEN "
                + "EXISTS (SELECT 1 FROM item i WHERE i.group_key = ? AND " + item.sql() + ") "
                + "OR EXISTS (SELECT 1 FROM volume v WHERE v.group_key = ? AND " + file.sql() + ") "
                + "OR EXISTS (SELECT 1 FROM volume v JOIN item i "
                + "ON i.group_key = CONCAT(v.group_key, '|', v.volume_no) WHERE v.group_key = ? AND " + item.sql()
                + ") THEN 1 ELSE 0 END", Integer.class, args.toArray());
        return hidden != null && hidden == 1;
    }
}
