package cn.lantai.access;

import cn.lantai.support.PostgresTest;

/** {@link UseStatisticsContract} on PostgreSQL: the sums by day, month, year, purpose and category in its SQL. */
@PostgresTest
class PostgresUseStatisticsTest extends UseStatisticsContract {
}
