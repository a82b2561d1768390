/** The tamper-evident audit trail: entries chained by SM3 digests, checkpoints signed with SM2. */
@org.springframework.modulith.ApplicationModule(displayName = "audit")
package cn.lantai.audit;
