package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** The catalogue list's queries on PostgreSQL. */
@PostgresTest
class PostgresCatalogListingTest extends CatalogListingContract {
}
