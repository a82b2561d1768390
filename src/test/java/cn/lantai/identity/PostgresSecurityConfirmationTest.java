package cn.lantai.identity;

import cn.lantai.support.PostgresTest;

/** What waits for the security administrator's confirmation, on PostgreSQL. */
@PostgresTest
class PostgresSecurityConfirmationTest extends SecurityConfirmationContract {
}
