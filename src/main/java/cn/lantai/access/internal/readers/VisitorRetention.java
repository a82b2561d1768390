package cn.lantai.access.internal.readers;

import java.time.Instant;
import java.time.Period;

import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention of visitors' personal data: kept for {@code lantai.access.visitor-retention} (default {@code P3Y})
 * after the visitor's last visit or registration, then erased by a daily sweep ({@code
 * lantai.access.retention-schedule}, 03:30 by default, in the archive's zone). What is erased and kept is
 * {@link Visitors#erase}'s.
 */
@Component
public class VisitorRetention {

    private final Visitors visitors;
    private final AuditTrail trail;
    private final Period retention;
    private final ArchiveClock archiveClock;

    VisitorRetention(Visitors visitors, AuditTrail trail, ArchiveClock archiveClock,
            @Value("${lantai.access.visitor-retention:P3Y}") Period retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("lantai.access.visitor-retention must be a positive period, e.g. P3Y");
        }
        this.visitors = visitors;
        this.trail = trail;
        this.retention = retention;
        this.archiveClock = archiveClock;
    }

    @Scheduled(cron = "${lantai.access.retention-schedule:0 30 3 * * *}", zone = "${lantai.archive-zone:Asia/Shanghai}")
    void daily() {
        eraseExpired(archiveClock.now());
    }

    /** Erases the visitors last seen more than the retention before the given moment; how many were erased. */
    @Transactional
    public int eraseExpired(Instant now) {
        Instant cutoff = now.atZone(archiveClock.zone()).minus(retention).toInstant();
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
