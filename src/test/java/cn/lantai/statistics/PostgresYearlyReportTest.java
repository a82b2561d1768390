package cn.lantai.statistics;

import cn.lantai.support.PostgresTest;

/** {@link YearlyReportContract} on PostgreSQL: the catalogue's holdings and openings, the sums, in its SQL. */
@PostgresTest
class PostgresYearlyReportTest extends YearlyReportContract {
}
