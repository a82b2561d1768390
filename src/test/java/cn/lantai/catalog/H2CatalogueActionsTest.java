package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** Bulk-edit previews and stale renumbering on H2. */
@LantaiTest
class H2CatalogueActionsTest extends CatalogueActionsContract {
}
