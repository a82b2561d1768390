package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** Uploads on PostgreSQL. */
@PostgresTest
class PostgresUploadsTest extends UploadsContract {
}
