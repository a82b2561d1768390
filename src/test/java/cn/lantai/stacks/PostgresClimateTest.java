package cn.lantai.stacks;

import cn.lantai.support.PostgresTest;

/** {@link ClimateContract} on PostgreSQL: the rollup's standard MERGE, the room locks and the alerts' insert-if-absent. */
@PostgresTest
class PostgresClimateTest extends ClimateContract {
}
