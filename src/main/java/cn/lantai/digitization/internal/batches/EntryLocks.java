package cn.lantai.digitization.internal.batches;

import cn.lantai.catalog.ItemId;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One batch at a time stores and records an entry's scans: without it, batch A deposits, batch B deposits over it
 * (the same {@code scans/0001.jpg}) and A's ledger commit lands last, so the ledger names digests the store's head no
 * longer holds. A striped lock in this process keeps two runs here from even waiting on the database; the row of
 * {@code scan_entry_lock} (V28), locked for update in the transaction that deposits and records, keeps two
 * application instances apart as well.
 */
@Component
class EntryLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final JdbcClient jdbc;
    private final TransactionTemplate apart;

    EntryLocks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs the work (which opens the transaction that deposits and records) holding the entry's stripe. */
    void inProcess(ItemId item, Runnable work) {
        ReentrantLock lock = stripes[Math.floorMod(Long.hashCode(item.value()), STRIPES)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Locks the entry's row until the caller's transaction ends; the row is made on the first attach. */
    void inTransaction(ItemId item) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an entry's lock is held by a transaction; none is open");
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM scan_entry_lock WHERE item_id = ?").param(item.value())
                .query(Long.class).single() > 0;
        if (!exists) {
            try {
                apart.executeWithoutResult(s -> jdbc.sql("INSERT INTO scan_entry_lock (item_id) VALUES (?)")
                        .param(item.value()).update());
            } catch (DuplicateKeyException e) {
                // another instance made it first: the lock below waits for it
            }
        }
        jdbc.sql("SELECT item_id FROM scan_entry_lock WHERE item_id = ? FOR UPDATE").param(item.value())
                .query(Long.class).single();
    }
}
