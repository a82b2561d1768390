package cn.lantai.statistics;

import cn.lantai.support.LantaiTest;

/** {@link YearlyReportContract} on H2. */
@LantaiTest
class YearlyReportTest extends YearlyReportContract {
}
