package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** The catalogue's data rules on H2 (the embedded default). */
@LantaiTest
class H2CatalogDataTest extends CatalogDataContract {
}
