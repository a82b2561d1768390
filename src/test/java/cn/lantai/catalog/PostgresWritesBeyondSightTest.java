package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** Writes confirm nothing reads hide, and change nothing their writer may not read, on PostgreSQL. */
@PostgresTest
class PostgresWritesBeyondSightTest extends WritesBeyondSightContract {
}
