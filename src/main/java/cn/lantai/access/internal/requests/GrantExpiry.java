package cn.lantai.access.internal.requests;

import java.time.Clock;
import java.time.Instant;

import cn.lantai.access.AccessRequest;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks approved items whose viewing period is over as expired (已过期), each audited once, by the one call that marked
 * it. Every use checks the period itself, so a grant is dead the moment it ends; the sweep only makes the state and
 * the audit trail say so.
 */
@Component
public class GrantExpiry {

    private final RequestRows rows;
    private final AuditTrail trail;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    GrantExpiry(RequestRows rows, AuditTrail trail, TransactionTemplate transactions) {
        this.rows = rows;
        this.trail = trail;
        this.transactions = transactions;
    }

    @Scheduled(initialDelay = 60_000, fixedDelayString = "${lantai.access.grant-sweep:PT10M}")
    void sweep() {
        sweep(clock.instant());
    }

    /** Marks what lapsed by the given time; the number of items marked. */
    public int sweep(Instant now) {
        int marked = 0;
        for (long[] lapsed : rows.lapsed(now)) {
            Boolean done = transactions.execute(tx -> {
                if (!rows.expire(lapsed[0], lapsed[1], now)) {
                    return false;
                }
                trail.record(new AuditEvent("system", null, "access.request.expired",
                        AccessRequest.number(lapsed[0]) + " item:" + lapsed[1], null, null));
                return true;
            });
            marked += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return marked;
    }
}
