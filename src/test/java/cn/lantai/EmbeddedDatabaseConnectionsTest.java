package cn.lantai;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import cn.lantai.support.LantaiTest;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pool never replaces connections to the embedded H2 for their age: H2 2.4 keeps, in a check constraint's IN
 * list, the session that first read the table, and after the pool had replaced that connection (30 minutes into a
 * run) every insert the constraint checks failed with "The database has been closed".
 */
@LantaiTest
class EmbeddedDatabaseConnectionsTest {

    @Autowired
    DataSource dataSource;

    @Test
    void connectionsToTheEmbeddedDatabaseAreNeverReplacedForAge() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        if (pool.getJdbcUrl().startsWith("jdbc:h2:")) {
            assertThat(pool.getMaxLifetime()).as("the connection that first read the tables must live on").isZero();
        } else {
            assertThat(pool.getMaxLifetime()).isPositive();
        }
    }
}
