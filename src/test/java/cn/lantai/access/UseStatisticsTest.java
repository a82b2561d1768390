package cn.lantai.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;

/** {@link UseStatisticsContract} on H2, and the plan of its sums (H2's EXPLAIN; PostgreSQL's planner picks by size). */
@LantaiTest
class UseStatisticsTest extends UseStatisticsContract {

    @Test
    void theSumsReadARangeOfTheLedgersIndex() {
        String plan = String.join("\n", jdbc.sql("EXPLAIN SELECT CAST(at AS DATE) AS g, kind, item_level, SUM(quantity)"
                + " FROM access_use WHERE at >= TIMESTAMP '1995-03-01 00:00:00' AND at < TIMESTAMP '1996-01-02 00:00:00'"
                + " GROUP BY CAST(at AS DATE), kind, item_level").query(String.class).list());
        assertThat(plan.toLowerCase()).containsAnyOf("access_use_statistics", "access_use_at");
    }
}
