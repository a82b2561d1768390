package cn.lantai.preservation;

import cn.lantai.support.PostgresTest;

/** The fixity audit on PostgreSQL. */
@PostgresTest
class PostgresFixityAuditTest extends FixityAuditContract {
}
