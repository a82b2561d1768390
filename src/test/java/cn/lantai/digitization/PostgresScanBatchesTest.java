package cn.lantai.digitization;

import cn.lantai.support.PostgresTest;

/** Scan batches on PostgreSQL. */
@PostgresTest
class PostgresScanBatchesTest extends ScanBatchesContract {
}
