package cn.lantai.audit;

import cn.lantai.support.LantaiTest;

/** The trail's rules on H2 (the embedded default). */
@LantaiTest
class H2AuditTrailTest extends AuditTrailContract {
}
