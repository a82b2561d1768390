package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** Catalogue imports and exports on H2. */
@LantaiTest
class H2CatalogImportTest extends CatalogImportContract {
}
