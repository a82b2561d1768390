package cn.lantai.catalog.internal;

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
 * imports and nodes sharing the database.
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
}
