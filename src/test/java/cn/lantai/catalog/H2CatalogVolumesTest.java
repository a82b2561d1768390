package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** Files (卷) after they are made, on H2 (the embedded default). */
@LantaiTest
class H2CatalogVolumesTest extends CatalogVolumesContract {
}
