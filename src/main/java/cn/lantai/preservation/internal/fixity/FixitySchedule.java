package cn.lantai.preservation.internal.fixity;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the fixity audit on the schedule {@code lantai.fixity.schedule} (Spring cron; "-" turns it off), in the name
 * of {@code system}. DA/T 92 asks for the four-properties check at least yearly; the bytes are re-read more often
 * because damage found early can still be repaired from a copy.
 */
@Component
class FixitySchedule {

    private final FixityAuditStarter starter;

    FixitySchedule(FixityAuditStarter starter) {
        this.starter = starter;
    }

    @Scheduled(cron = "${lantai.fixity.schedule:0 0 2 1 * *}")
    void audit() {
        starter.begin("system", null);
    }
}
