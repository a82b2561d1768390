package cn.lantai.access.internal.requests;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.lantai.access.ApprovalRoute;
import cn.lantai.catalog.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The routing rules of requests (table {@code access_route}). */
@Component
public class Routes {

    private final JdbcClient jdbc;

    Routes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ApprovalRoute> all() {
        return jdbc.sql("SELECT category, classification, role_code FROM access_route ORDER BY id")
                .query((rs, n) -> new ApprovalRoute(rs.getString(1),
                        rs.getString(2) == null ? null : Classification.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /** The role of the most specific rule that matches; empty when none does (no catch-all left). */
    public Optional<String> roleFor(String category, Classification classification) {
        return all().stream().filter(r -> r.matches(category, classification))
                .max(Comparator.comparingInt(ApprovalRoute::specificity)).map(ApprovalRoute::role);
    }

    /** Replaces every rule, in the caller's transaction. */
    public void replace(List<ApprovalRoute> routes) {
        jdbc.sql("DELETE FROM access_route").update();
        for (ApprovalRoute r : routes) {
            jdbc.sql("INSERT INTO access_route (category, classification, role_code) VALUES (?, ?, ?)")
                    .params(r.category(), r.classification() == null ? null : r.classification().name(), r.role())
                    .update();
        }
    }
}
