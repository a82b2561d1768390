package cn.lantai.catalog;

import cn.lantai.support.PostgresTest;

/** Bulk-edit previews and stale renumbering on PostgreSQL. */
@PostgresTest
class PostgresCatalogueActionsTest extends CatalogueActionsContract {
}
