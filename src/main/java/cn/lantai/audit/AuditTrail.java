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
}
