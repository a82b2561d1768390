package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** What imports change, on H2. */
@LantaiTest
class H2ImportChangesTest extends ImportChangesContract {
}
