package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** What imports change, on PostgreSQL. */
@PostgresTest
class PostgresImportChangesTest extends ImportChangesContract {
}
