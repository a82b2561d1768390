package cn.lantai.audit;

import cn.lantai.support.PostgresTest;

/** The trail's rules on PostgreSQL. */
@PostgresTest
class PostgresAuditTrailTest extends AuditTrailContract {
}
