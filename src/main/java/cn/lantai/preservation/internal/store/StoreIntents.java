package cn.lantai.preservation.internal.store;

import cn.lantai.catalog.ItemId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The objects the store is writing ({@code store_intent}): an intent is committed on its own before a version is
 * written (whatever transaction the caller is in), and removed in the transaction that updates the listing
 * ({@link StoredFiles#put}). One left behind names an object whose listing may be behind the store.
 */
@Repository
public class StoreIntents {

    private final JdbcClient jdbc;
    private final TransactionTemplate apart;

    StoreIntents(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void begin(ItemId id) {
        apart.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM store_intent WHERE item_id = ?").param(id.value()).update();
            jdbc.sql("INSERT INTO store_intent (item_id, started_at) VALUES (?, ?)")
                    .params(id.value(), Timestamp.from(Instant.now())).update();
        });
    }

    public List<ItemId> open() {
        return jdbc.sql("SELECT item_id FROM store_intent ORDER BY item_id").query(Long.class).list().stream()
                .map(ItemId::new).toList();
    }

    /** Drops an intent whose object has nothing to re-list (its version was never written). */
    public void drop(ItemId id) {
        apart.executeWithoutResult(status -> jdbc.sql("DELETE FROM store_intent WHERE item_id = ?").param(id.value())
                .update());
    }
}
