package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** A category's fields cannot be tightened below what its records hold, on PostgreSQL. */
@PostgresTest
class PostgresFieldChangeTest extends FieldChangeContract {
}
