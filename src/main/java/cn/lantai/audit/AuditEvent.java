package cn.lantai.audit;

/** One thing that happened, as the trail records it. before/after are JSON or plain text, may be null. */
public record AuditEvent(String actor, String address, String action, String target, String before, String after) {
}
