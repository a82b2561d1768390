package cn.lantai.audit;

import java.util.List;

import org.springframework.stereotype.Service;

/** Placeholder until the audit module lands (replaced at merge). */
@Service
public class AuditTrail {

    public void record(AuditEvent event) {
    }

    public void recordAll(List<AuditEvent> events) {
    }

    public AuditPage entries(AuditQuery query, int page, int size) {
        return new AuditPage(List.of(), 0, page, size);
    }

    public ChainVerification verify() {
        return new ChainVerification(true, 0, 0, null, null, null);
    }
}
