package cn.lantai.preservation.web;

import cn.lantai.preservation.FixityAuditReport;
import cn.lantai.preservation.FixityAudits;
import org.springframework.stereotype.Component;

/**
 * The workbench's fixity alert, read by the layout ({@code ${@fixityAlerts.standing()}}) only for the people who
 * read audits (the layout asks {@code sec:authorize} first), so a page costs one query of two rows for them and
 * nothing for anyone else, and the shell needs no dependency on preservation.
 */
@Component("fixityAlerts")
class FixityAlerts {

    private final FixityAudits audits;

    FixityAlerts(FixityAudits audits) {
        this.audits = audits;
    }

    /** The audit whose failures stand, or null. */
    public FixityAuditReport standing() {
        return audits.alert().orElse(null);
    }
}
