package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** The catalogue's data rules on PostgreSQL. */
@PostgresTest
class PostgresCatalogDataTest extends CatalogDataContract {
}
