package cn.lantai.catalog;

import cn.lantai.support.LantaiTest;

/** Writes confirm nothing reads hide, and change nothing their writer may not read, on H2. */
@LantaiTest
class H2WritesBeyondSightTest extends WritesBeyondSightContract {
}
