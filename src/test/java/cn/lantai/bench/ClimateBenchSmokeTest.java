package cn.lantai.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The climate benchmark (bench/climate, {@link ClimateBench}) at a tiny size in the shared test application, its pages
 * and the intake called through MockMvc: the store is filled and rolled up, every page answers on both stores, the
 * intake keeps what it was sent, and the report has every row. Nothing is timed against a threshold.
 */
@LantaiTest
class ClimateBenchSmokeTest {

    @Autowired ApplicationContext lantai;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSmallClimateRunFillsTheStoreCallsEveryPageOnBothStoresAndTimesTheIntake() throws Exception {
        ClimateBench.Caller caller = new ClimateBench.Caller() {
            @Override
            public int get(String path) throws Exception {
                return mvc.perform(MockMvcRequestBuilders.get(path).with(Staff.page(ClimateBench.keeperName())))
                        .andReturn().getResponse().getStatus();
            }

            @Override
            public int post(String path, String bearer, String json) throws Exception {
                return mvc.perform(MockMvcRequestBuilders.post(path).header("Authorization", "Bearer " + bearer)
                        .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse().getStatus();
            }
        };

        ClimateBench.Figures f = ClimateBench.measure(lantai, caller, new ClimateBench.Options(2, 3, 2, 1),
                "H2 (tests)");

        assertThat(f.rows()).isEqualTo(2L * 3 * ClimateBench.PER_DAY);
        assertThat(f.pages()).hasSize(6).allSatisfy(l -> assertThat(l.bigP50()).isPositive());
        assertThat(f.intakeRows()).isEqualTo(1000);
        String prefix = f.pages().get(1).path().substring("/stacks/climate/".length()).replaceAll("-\\d+$", "");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stacks_reading WHERE room_code LIKE ?", Long.class,
                prefix + "-%")).as("the bulk rows and the intake's").isEqualTo(2L * 3 * ClimateBench.PER_DAY + 1000);
        assertThat(jdbc.queryForObject("SELECT SUM(reading_count) FROM stacks_climate_day WHERE room_code LIKE ?",
                Long.class, prefix + "-%")).as("the rollup counts every reading").isEqualTo(2L * 3 * 1440 + 1000);
        String section = ClimateBench.section(f, "bench/climate --rooms 2 --days 3");
        assertThat(section).contains("Stacks climate (issue 13)", "Climate overview", "Chart, a year",
                "Yearly analysis", "POST /api/v1/stacks/readings", "bench/climate --rooms 2 --days 3");
        assertThat(ClimateBench.pagesOnly(lantai, caller, 1, "H2 (tests)", "bench/climate --pages-only"))
                .as("the pages again on the store as it is").contains("Pages only", "Climate overview",
                        "Yearly analysis", "bench/climate --pages-only");
    }
}
