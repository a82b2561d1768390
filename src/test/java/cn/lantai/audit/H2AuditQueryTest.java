package cn.lantai.audit;

import cn.lantai.support.LantaiTest;

/** The auditor's filters and grouping on H2 (the embedded default). */
@LantaiTest
class H2AuditQueryTest extends AuditQueryContract {
}
