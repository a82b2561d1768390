/**
 * The tamper-evident audit trail (审计跟踪, GB/T 39784-2021 表36): every change, login, permission change and view of a
 * controlled record, chained by SM3 digests and anchored by SM2-signed checkpoints kept outside the database. Other
 * modules depend on this one, never the reverse.
 */
@org.springframework.modulith.ApplicationModule(displayName = "audit", allowedDependencies = {})
package cn.lantai.audit;
