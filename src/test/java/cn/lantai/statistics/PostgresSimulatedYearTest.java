package cn.lantai.statistics;

import cn.lantai.support.PostgresTest;

/** {@link SimulatedYearContract} on PostgreSQL: the modules' date and timestamp SQL against its own. */
@PostgresTest
class PostgresSimulatedYearTest extends SimulatedYearContract {
}
