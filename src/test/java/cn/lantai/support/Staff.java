package cn.lantai.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.AdminDuty;
import cn.lantai.identity.IssuedPassword;
import cn.lantai.identity.NewAccount;
import cn.lantai.identity.OrgUnit;
import cn.lantai.identity.PermissionManagement;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The people of the tests, made through the real identity services as the system and security administrators
 * would make them: accounts with roles and clearances, their passwords, and personal access tokens for the API.
 * One per Spring context; {@link #as} gives MockMvc requests a person's token.
 */
@Component
public class Staff {

    /** The password every test account gets after its first login. */
    public static final String PASSWORD = "Archive-2024!";
    public static final String ADMIN_PASSWORD = "Test-admin-1";
    public static final String SECADMIN_PASSWORD = "Test-secadmin-1";
    public static final String AUDITOR_PASSWORD = "Test-auditor-1";

    /**
     * A cataloguer who sees every record (绝密, unopened) and may also open and declassify (鉴定): the archive's
     * everyday staff in the API tests.
     */
    public static final String ARCHIVIST = "archivist";

    private final AccountManagement accounts;
    private final PermissionManagement permissions;
    private final CatalogManagement catalog;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Staff(AccountManagement accounts, PermissionManagement permissions, CatalogManagement catalog) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.catalog = catalog;
    }

    /**
     * A unit of the district that forms a fonds of its own (a code not used before in this run), registered with the
     * category 文书 (WS): the fonds' code; the unit is {@code "U" + code}.
     */
    public String unitWithFonds(String name) {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, name), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        asSystemAdmin(() -> {
            accounts.defineUnit(new OrgUnit("U" + fonds, name, null, fonds));
            return null;
        });
        return fonds;
    }

    /** MockMvc: the request carries the archivist's token. */
    public static RequestPostProcessor archivist() {
        return as(ARCHIVIST);
    }

    /** MockMvc: the request carries this person's token (made on first use). */
    public static RequestPostProcessor as(String username) {
        return request -> {
            Staff staff = WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
                    .getBean(Staff.class);
            request.addHeader("Authorization", "Bearer " + staff.token(username));
            return request;
        };
    }

    /**
     * MockMvc, for workbench pages: the request is made signed in as this person, with their authorities as they are
     * now (the archivist is made on first use).
     */
    public static RequestPostProcessor page(String username) {
        return request -> {
            Staff staff = WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
                    .getBean(Staff.class);
            if (username.equals(ARCHIVIST)) {
                staff.token(ARCHIVIST);
            }
            // as the sign-in would: the session remembers the account's session epoch (see the shell's SessionGuard)
            request.getSession(true).setAttribute("lantai.session-epoch",
                    staff.permissions.permissions(username).orElseThrow().sessionEpoch());
            return SecurityMockMvcRequestPostProcessors.user(username)
                    .authorities(AuthorityUtils.createAuthorityList(staff.authoritiesOf(username).toArray(String[]::new)))
                    .postProcessRequest(request);
        };
    }

    /** MockMvc: the request carries the given bearer secret, as sent. */
    public static RequestPostProcessor bearer(String secret) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + secret);
            return request;
        };
    }

    /** A token of the person; the archivist and the three administrators exist from the start. */
    public synchronized String token(String username) {
        if (username.equals(ARCHIVIST)) {
            ensure(ARCHIVIST, "档案员", null, Classification.TOP_SECRET,
                    List.of("CATALOGUING", "READING_ROOM", "APPRAISAL"));
        }
        return tokens.computeIfAbsent(username, u -> run(u, authoritiesOf(u),
                () -> accounts.createToken("tests", 30).secret()));
    }

    /**
     * Makes the account if it does not exist yet: created by the system administrator, given roles and clearance by
     * the security administrator, its one-time password replaced by {@link #PASSWORD} by its owner, and the new
     * account then confirmed by the security administrator, as the archive does it (三员分立).
     */
    public synchronized void ensure(String username, String name, String unit, Classification clearance,
            List<String> roles) {
        boolean exists = asSystemAdmin(() -> accounts.accounts().stream().anyMatch(a -> a.username().equals(username)));
        if (exists) {
            return;
        }
        IssuedPassword issued = asSystemAdmin(() -> accounts.create(new NewAccount(username, name, unit)));
        asSecurityAdmin(() -> {
            permissions.assignRoles(username, Set.copyOf(roles));
            permissions.setClearance(username, clearance);
            return null;
        });
        run(username, authoritiesOf(username), () -> {
            accounts.changePassword(issued.oneTimePassword(), PASSWORD);
            return null;
        });
        confirmPending(username);
    }

    /**
     * The security administrator confirms what waits for confirmation about this account or unit (a new account, a
     * reset, a move to another unit, a unit's place), as the system administrator asked for it.
     */
    public void confirmPending(String subject) {
        asSecurityAdmin(() -> {
            permissions.pendingChanges().stream().filter(c -> c.subject().equals(subject))
                    .forEach(c -> permissions.confirm(c.id()));
            return null;
        });
    }

    public <T> T asSystemAdmin(Supplier<T> work) {
        return run("admin", List.of(AdminDuty.SYSTEM_ADMIN.authority()), work);
    }

    public <T> T asSecurityAdmin(Supplier<T> work) {
        return run("secadmin", List.of(AdminDuty.SECURITY_ADMIN.authority()), work);
    }

    public <T> T asAuditor(Supplier<T> work) {
        return run("auditor", List.of(AdminDuty.AUDITOR.authority()), work);
    }

    /** Runs the work as the signed-in person (their authorities as they are now). */
    public <T> T as(String username, Supplier<T> work) {
        return run(username, authoritiesOf(username), work);
    }

    private List<String> authoritiesOf(String username) {
        return permissions.permissions(username).map(p -> List.copyOf(p.authorities())).orElse(List.of());
    }

    private static <T> T run(String username, List<String> authorities, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList(authorities.toArray(String[]::new))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
