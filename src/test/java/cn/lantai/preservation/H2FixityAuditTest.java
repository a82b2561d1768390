package cn.lantai.preservation;

import cn.lantai.support.LantaiTest;

/** The fixity audit on H2. */
@LantaiTest
class H2FixityAuditTest extends FixityAuditContract {
}
