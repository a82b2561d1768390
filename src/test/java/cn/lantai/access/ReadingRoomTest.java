package cn.lantai.access;

import cn.lantai.support.LantaiTest;

/** {@link ReadingRoomContract} on H2. */
@LantaiTest
class ReadingRoomTest extends ReadingRoomContract {
}
