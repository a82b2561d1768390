package cn.lantai.accession;

import cn.lantai.support.PostgresTest;

/** The four-properties check of stored records on PostgreSQL. */
@PostgresTest
class PostgresRecheckTest extends RecheckContract {
}
