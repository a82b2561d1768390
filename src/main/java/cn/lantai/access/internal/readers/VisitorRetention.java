package cn.lantai.access.internal.readers;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention of visitors' personal data: kept for {@code lantai.access.visitor-retention} (default {@code P3Y})
 * after the visitor's last visit or registration, then erased by a daily sweep ({@code
 * lantai.access.retention-schedule}, 03:30 by default). What is erased and kept is {@link Visitors#erase}'s.
 */
@Component
public class VisitorRetention {

    private final Visitors visitors;
    private final AuditTrail trail;
    private final Period retention;
    private final Clock clock = Clock.systemDefaultZone();

    VisitorRetention(Visitors visitors, AuditTrail trail,
            @Value("${lantai.access.visitor-retention:P3Y}") Period retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("lantai.access.visitor-retention must be a positive period, e.g. P3Y");
        }
        this.visitors = visitors;
        this.trail = trail;
        this.retention = retention;
    }

    @Scheduled(cron = "${lantai.access.retention-schedule:0 30 3 * * *}")
    void daily() {
        eraseExpired(clock.instant());
    }

    /** Erases the visitors last seen more than the retention before the given moment; how many were erased. */
    @Transactional
    public int eraseExpired(Instant now) {
        Instant cutoff = now.atZone(ZoneId.systemDefault()).minus(retention).toInstant();
        int erased = visitors.erase(cutoff, now);
        if (erased > 0) {
            trail.record(new AuditEvent("system", null, "access.visitor.erase", "visitors:" + erased,
                    null, "last seen before " + cutoff));
        }
        return erased;
    }

    public Period retention() {
        return retention;
    }
}
