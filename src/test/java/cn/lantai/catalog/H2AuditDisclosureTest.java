package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** What the audit trail discloses of records, on H2. */
@LantaiTest
class H2AuditDisclosureTest extends AuditDisclosureContract {
}
