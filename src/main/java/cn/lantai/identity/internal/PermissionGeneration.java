package cn.lantai.identity.internal;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The database's count of committed changes to anyone's effective permissions ({@code permission_generation}). Every
 * write that can change them calls {@link #changed()}; the count moves on in the writer's own transaction, as it
 * commits, so the change and the new count become visible together: a request that reads the new count also reads the
 * change, and one that reads the old count may keep what it computed before. Held in the database, it holds for every
 * application node.
 */
@Component
public class PermissionGeneration {

    private final JdbcClient jdbc;

    PermissionGeneration(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The count as committed now. */
    public long current() {
        return jdbc.sql("SELECT generation FROM permission_generation WHERE id = 1").query(Long.class).single();
    }

    /**
     * Notes that this transaction changes someone's permissions. The row is updated just before the commit, after the
     * transaction's other writes (its lock held for that moment only, and taken before the audit trail's head, whose
     * own update comes last), so two permission writers never wait on each other in opposite orders.
     */
    public void changed() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // advanced before a write of its own, a request between the two would cache the old permissions as new
            throw new IllegalStateException("a change of permissions is written in a transaction");
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Advance a && a.owner == this) {
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new Advance(this));
    }

    private void advance() {
        jdbc.sql("UPDATE permission_generation SET generation = generation + 1 WHERE id = 1").update();
    }

    private record Advance(PermissionGeneration owner) implements TransactionSynchronization {

        @Override
        public int getOrder() {
            // before the audit trail's entries, which are written (the trail's head locked) at the lowest precedence
            return Ordered.LOWEST_PRECEDENCE - 1;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.advance();
        }
    }
}
