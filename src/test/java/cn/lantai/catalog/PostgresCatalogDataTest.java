package cn.lantai.catalog;

import javax.sql.DataSource;

import cn.lantai.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's data rules on PostgreSQL. */
@PostgresTest
class PostgresCatalogDataTest extends CatalogDataContract {

    @Autowired
    DataSource dataSource;

    /**
     * A pooled connection plans each statement with its values and the tables as they are then. A plan a
     * connection cached while the catalogue was small kept scanning the whole item table after it grew (40-85 ms
     * instead of 0.3 ms for 100 items by id, until an ANALYZE; autovacuum may be late or off).
     */
    @Test
    void everyConnectionPlansEachStatementForTheTablesAsTheyAreNow() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery("SHOW plan_cache_mode")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("force_custom_plan");
        }
    }
}
