package cn.lantai.access;

import cn.lantai.support.PostgresTest;

/** {@link AccessRequestsContract} on PostgreSQL. */
@PostgresTest
class PostgresAccessRequestsTest extends AccessRequestsContract {
}
