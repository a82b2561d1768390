package cn.lantai.statistics;

import cn.lantai.support.LantaiTest;

/** {@link SimulatedYearContract} on H2. */
@LantaiTest
class SimulatedYearTest extends SimulatedYearContract {
}
