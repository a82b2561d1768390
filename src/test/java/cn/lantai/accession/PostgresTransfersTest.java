package cn.lantai.accession;

import cn.lantai.support.PostgresTest;

/** Transfers end to end, on PostgreSQL. */
@PostgresTest
class PostgresTransfersTest extends TransfersContract {
}
