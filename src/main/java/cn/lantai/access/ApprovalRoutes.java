package cn.lantai.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.lantai.access.internal.requests.Routes;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.identity.PermissionManagement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routing rules of requests (which role approves an item of a category and classification): seeded with every
 * item going to 利用审批 ({@code USE_APPROVAL}); read by staff and replaced as a whole by the security administrator
 * (安全保密管理员), who also decides who holds which role. A request already routed keeps its route.
 */
@Service
public class ApprovalRoutes {

    private static final int MAX_RULES = 200;

    private final Routes routes;
    private final PermissionManagement permissions;
    private final AuditTrail trail;

    ApprovalRoutes(Routes routes, PermissionManagement permissions, AuditTrail trail) {
        this.routes = routes;
        this.permissions = permissions;
        this.trail = trail;
    }

    @PreAuthorize("isAuthenticated()")
    public List<ApprovalRoute> routes() {
        return routes.all();
    }

    /**
     * Replaces every rule. There must be a catch-all (no category, no classification), each pair at most once, and
     * every role must exist.
     */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public List<ApprovalRoute> replace(List<ApprovalRoute> given, String actor, String address) {
        if (given == null || given.isEmpty() || given.size() > MAX_RULES) {
            throw new AccessProblem(400, "access.route.bad-rules", MAX_RULES);
        }
        Set<String> roles = permissions.roleNames().keySet();
        Set<String> pairs = new HashSet<>();
        for (ApprovalRoute r : given) {
            if (r == null || r.role() == null || !roles.contains(r.role())) {
                throw new AccessProblem(400, "access.route.unknown-role", r == null ? "" : String.valueOf(r.role()));
            }
            if (r.category() != null && !r.category().matches("[A-Za-z0-9]{1,8}")) {
                throw new AccessProblem(400, "access.route.bad-category", r.category());
            }
            if (!pairs.add(r.category() + "|" + r.classification())) {
                throw new AccessProblem(400, "access.route.duplicate", r.category() + " " + r.classification());
            }
        }
        if (given.stream().noneMatch(r -> r.specificity() == 0)) {
            throw new AccessProblem(400, "access.route.no-catch-all");
        }
        List<ApprovalRoute> before = routes.all();
        routes.replace(given);
        trail.record(new AuditEvent(actor, address, "access.routes.replaced", "access_route", before.toString(),
                given.toString()));
        return routes.all();
    }
}
