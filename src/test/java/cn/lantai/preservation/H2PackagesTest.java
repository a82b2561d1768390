package cn.lantai.preservation;

import cn.lantai.support.LantaiTest;

/** Packages out on H2. */
@LantaiTest
class H2PackagesTest extends PackagesContract {
}
