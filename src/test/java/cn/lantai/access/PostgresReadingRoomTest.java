package cn.lantai.access;

import cn.lantai.support.PostgresTest;

/** {@link ReadingRoomContract} on PostgreSQL: visitors found by digest, visits and uses counted, the retention. */
@PostgresTest
class PostgresReadingRoomTest extends ReadingRoomContract {
}
