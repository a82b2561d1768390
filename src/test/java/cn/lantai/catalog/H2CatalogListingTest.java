package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** The catalogue list's queries on H2 (the embedded default). */
@LantaiTest
class H2CatalogListingTest extends CatalogListingContract {
}
