package cn.lantai.accession;

import cn.lantai.support.PostgresTest;

/** The filing API on PostgreSQL, where a concurrent claim waits on the unique constraint. */
@PostgresTest
class PostgresFilingTest extends FilingContract {
}
