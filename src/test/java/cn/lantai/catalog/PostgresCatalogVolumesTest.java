package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** Files (卷) after they are made, on PostgreSQL. */
@PostgresTest
class PostgresCatalogVolumesTest extends CatalogVolumesContract {
}
