package cn.lantai.preservation;

import cn.lantai.support.PostgresTest;

/** A record's files on PostgreSQL. */
@PostgresTest
class PostgresRecordFilesTest extends RecordFilesContract {
}
