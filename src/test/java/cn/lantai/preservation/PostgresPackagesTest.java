package cn.lantai.preservation;

import cn.lantai.support.PostgresTest;

/** Packages out on PostgreSQL. */
@PostgresTest
class PostgresPackagesTest extends PackagesContract {
}
