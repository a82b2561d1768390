package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** What the audit trail discloses of records, on PostgreSQL. */
@PostgresTest
class PostgresAuditDisclosureTest extends AuditDisclosureContract {
}
