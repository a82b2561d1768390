package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** Catalogue imports and exports on PostgreSQL. */
@PostgresTest
class PostgresCatalogImportTest extends CatalogImportContract {
}
