package cn.lantai.audit;

import cn.lantai.support.PostgresTest;

/** The auditor's filters and grouping on PostgreSQL. */
@PostgresTest
class PostgresAuditQueryTest extends AuditQueryContract {
}
