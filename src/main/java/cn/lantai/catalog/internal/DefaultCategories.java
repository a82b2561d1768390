package cn.lantai.catalog.internal;

import java.util.List;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the first start, defines the common categories (门类: 文书 WS, 会计 KJ, 照片 ZP …) that the schema offers in
 * {@code category_default}, so a standard catalogue imports on a fresh archive. Each is defined as the system, audited
 * like an administrator's definition, and only where its code is not defined yet; the offer is then removed, so a
 * later start never re-creates a category an administrator deleted nor overwrites one they edited. Two instances
 * starting together define each category once: whoever removes the offer defines it.
 */
@Component
@Order(10)
class DefaultCategories implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultCategories.class);

    private final JdbcClient jdbc;
    private final Registry registry;
    private final CatalogManagement catalog;
    private final TransactionTemplate transactions;

    DefaultCategories(JdbcClient jdbc, Registry registry, CatalogManagement catalog, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.catalog = catalog;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Category> offered = jdbc.sql("SELECT code, name FROM category_default ORDER BY code")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), List.of())).list();
        for (Category category : offered) {
            transactions.executeWithoutResult(tx -> {
                boolean mine = jdbc.sql("DELETE FROM category_default WHERE code = ?").param(category.code())
                        .update() == 1;
                if (mine && registry.category(category.code()).isEmpty()) {
                    catalog.defineCategory(category, Viewer.system());
                    log.info("First start: defined the category {} {}", category.code(), category.name());
                }
            });
        }
    }
}
