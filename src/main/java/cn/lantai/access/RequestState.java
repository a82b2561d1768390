package cn.lantai.access;

/**
 * Where one item of a request stands (labels under {@code access.request.state.<NAME>}): waiting for its approver
 * (待审批), granted for viewing until a time (已批准), refused with a reason (已拒绝), or its viewing period over (已过期).
 */
public enum RequestState {
    PENDING, APPROVED, REFUSED, EXPIRED
}
