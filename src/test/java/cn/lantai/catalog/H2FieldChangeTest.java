package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** A category's fields cannot be tightened below what its records hold, on H2. */
@LantaiTest
class H2FieldChangeTest extends FieldChangeContract {
}
