package cn.lantai.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Scope;
import cn.lantai.identity.PendingChange.Kind;
import cn.lantai.identity.internal.Accounts;
import cn.lantai.identity.internal.Actor;
import cn.lantai.identity.internal.Directory;
import cn.lantai.identity.internal.IdentityTrail;
import cn.lantai.identity.internal.PendingChanges;
import cn.lantai.identity.internal.PermissionCache;
import cn.lantai.identity.internal.PermissionGeneration;
import cn.lantai.identity.internal.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roles, rights, data scopes, clearances and the administrator duties, kept by the security administrator (安全保密管理员),
 * who also confirms what the system administrator did that would change what someone may see (a new account, a
 * password reset, a move to another unit, a unit's place or fonds); and the effective permissions of an account,
 * which every request is checked against. Nobody grants themselves anything, no account holds two administrator
 * duties, and an administrator does no archive work.
 */
@Service
public class PermissionManagement {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    private static final Pattern SCOPE_CODE = Pattern.compile("[A-Za-z0-9]{1,8}");

    private final Accounts accounts;
    private final Roles roles;
    private final Directory directory;
    private final PendingChanges pending;
    private final IdentityTrail trail;
    private final PermissionGeneration generation;
    private final PermissionCache cache;
    private final TransactionTemplate reading;
    private final boolean evaluationAdmin;

    PermissionManagement(Accounts accounts, Roles roles, Directory directory, PendingChanges pending,
            IdentityTrail trail, PermissionGeneration generation, PermissionCache cache,
            PlatformTransactionManager transactions,
            @Value("${lantai.security.evaluation-admin:false}") boolean evaluationAdmin) {
        this.accounts = accounts;
        this.roles = roles;
        this.directory = directory;
        this.pending = pending;
        this.trail = trail;
        this.generation = generation;
        this.cache = cache;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.evaluationAdmin = evaluationAdmin;
    }

    /**
     * What the account may do and see now; empty when it does not exist or is disabled. Asked at every request, so it
     * costs one single-row read while nothing changed: permissions computed before are kept with the
     * {@link PermissionGeneration} they were computed under and served while it is still current. Any committed change
     * of a role, group, clearance, duty, unit, password or enabled state moves the generation on with it, so the very
     * next request computes afresh.
     */
    public Optional<Permissions> permissions(String username) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a unit of work that may itself have changed (not yet committed) what is read: never cached
            cache.computedWithoutKeeping();
            return compute(username);
        }
        // the generation first, then what it guards: what is read after it is at least as new as it
        return permissionsUnder(username, generation.current());
    }

    /**
     * The permissions of an API call's token holder, under the generation the token was read at: one read of the
     * generation serves the token and the permissions alike.
     */
    public Optional<Permissions> permissions(AccountManagement.TokenHolder holder) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return permissions(holder.username());
        }
        return permissionsUnder(holder.username(), holder.permissionGeneration());
    }

    private Optional<Permissions> permissionsUnder(String username, long now) {
        Optional<Permissions> known = cache.find(username, now);
        if (known.isPresent()) {
            return known;
        }
        Optional<Permissions> fresh = reading.execute(tx -> compute(username));
        fresh.ifPresentOrElse(p -> cache.keep(username, now, p), cache::computedWithoutKeeping);
        return fresh;
    }

    private Optional<Permissions> compute(String username) {
        return accounts.find(username).filter(Account::enabled).map(this::effective);
    }

    private Permissions effective(Account account) {
        int epoch = accounts.sessionEpoch(account.username());
        if (account.heldBack()) {
            // whoever issued the one-time password knew it: nothing, not even a duty, until the security administrator
            // confirms
            return new Permissions(account.username(), Classification.NONE, null, Set.of(), false,
                    new Scope(List.of()), account.mustChangePassword(), epoch);
        }
        if (evaluationAdmin && account.duty() == AdminDuty.SYSTEM_ADMIN && account.username().equals("admin")) {
            // documented setting for local evaluation: the foundation's single administrator keeps every right
            return new Permissions(account.username(), Classification.TOP_SECRET, account.duty(),
                    EnumSet.allOf(Right.class), true, Scope.ALL, account.mustChangePassword(), epoch);
        }
        if (account.duty() != null) {
            // an administrator does no archive work and reads no records: an empty data scope
            return new Permissions(account.username(), account.clearance(), account.duty(), Set.of(), false,
                    new Scope(List.of()), account.mustChangePassword(), epoch);
        }
        Set<Right> rights = EnumSet.noneOf(Right.class);
        boolean seesUnopened = false;
        List<Scope.Area> areas = new ArrayList<>();
        for (String code : accounts.effectiveRoles(account.username())) {
            Role role = roles.find(code).orElse(null);
            if (role == null) {
                continue;
            }
            rights.addAll(role.rights());
            seesUnopened |= role.seesUnopened();
            Set<String> fonds = role.fonds().isEmpty() ? null : role.fonds();
            if (role.ownUnitOnly()) {
                Set<String> own = account.unit() == null ? Set.of() : directory.fondsOfUnitTree(account.unit());
                fonds = fonds == null ? own : intersection(fonds, own);
            }
            areas.add(new Scope.Area(fonds, role.categories().isEmpty() ? null : role.categories()));
        }
        return new Permissions(account.username(), account.clearance(), null, rights, seesUnopened,
                new Scope(areas), account.mustChangePassword(), epoch);
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    // ---- the security administrator -------------------------------------------------------------------------

    @PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    public List<Role> roles() {
        return roles.all();
    }

    /** Every role's name by its code, for anyone to read the names of roles (著录, 利用 …). */
    @PreAuthorize("isAuthenticated()")
    public Map<String, String> roleNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        roles.all().forEach(r -> names.put(r.code(), r.name()));
        return names;
    }

    /**
     * The codes of the roles the signed-in person holds now, their own and their groups' (for work routed to a role,
     * such as the approval of requests for controlled records).
     */
    @PreAuthorize("isAuthenticated()")
    public Set<String> myRoles() {
        return Set.copyOf(accounts.effectiveRoles(Actor.name()));
    }

    /** Defines a role or changes one (built-in roles too: their rights and scope, not their code). */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public Role defineRole(Role role) {
        if (role.code() == null || !CODE.matcher(role.code()).matches()) {
            throw new IdentityProblem("identity.bad-code", String.valueOf(role.code()));
        }
        if (role.name() == null || role.name().isBlank() || role.name().length() > 100) {
            throw new IdentityProblem("identity.bad-display-name");
        }
        for (String code : role.fonds()) {
            scopeCode(code);
        }
        for (String code : role.categories()) {
            scopeCode(code);
        }
        if (holdsRole(Actor.name(), role.code())) {
            trail.recordRefusal("identity.refused-on-self", "role:" + role.code());
            throw new SeparationOfDuties("identity.not-on-self");
        }
        Optional<Role> before = roles.find(role.code());
        roles.save(role);
        Role saved = roles.find(role.code()).orElseThrow();
        before.map(Role::toString).ifPresentOrElse(b -> trail.record("role.change", role.code(), b, saved.toString()),
                () -> trail.record("role.define", role.code(), null, saved.toString()));
        return saved;
    }

    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void deleteRole(String code) {
        Role role = roles.find(code).orElseThrow(() -> new IdentityProblem("identity.no-such-role", code));
        if (role.builtIn()) {
            throw new IdentityProblem("identity.built-in-role", code);
        }
        roles.delete(code);
        trail.record("role.delete", code, role.toString(), null);
    }

    /** Gives an account exactly these archive roles. Administrators hold none; nobody changes their own. */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void assignRoles(String username, Set<String> roleCodes) {
        Account account = other(username);
        if (account.duty() != null && !roleCodes.isEmpty()) {
            throw new SeparationOfDuties("identity.admin-no-archive-roles", username, account.duty());
        }
        for (String code : roleCodes) {
            roles.find(code).orElseThrow(() -> new IdentityProblem("identity.no-such-role", code));
        }
        if (account.roles().equals(roleCodes)) {
            return;
        }
        accounts.setRoles(username, roleCodes);
        trail.record("account.roles", username, String.join(",", new TreeSet<>(account.roles())),
                String.join(",", new TreeSet<>(roleCodes)));
    }

    /**
     * Puts another account in exactly these groups. A group's roles come with it, so membership is the security
     * administrator's to give, like the roles themselves.
     */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void setGroups(String username, Set<String> groupCodes) {
        Account account = other(username);
        for (String g : groupCodes) {
            directory.group(g).orElseThrow(() -> new IdentityProblem("identity.no-such-group", g));
        }
        if (account.groups().equals(groupCodes)) {
            return;
        }
        accounts.setGroups(username, groupCodes);
        trail.record("account.groups", username, String.join(",", new TreeSet<>(account.groups())),
                String.join(",", new TreeSet<>(groupCodes)));
    }

    /** Sets the roles every member of a group holds; not for a group one belongs to. */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void setGroupRoles(String groupCode, Set<String> roleCodes) {
        Group group = directory.group(groupCode).orElseThrow(() -> new IdentityProblem("identity.no-such-group",
                groupCode));
        if (group.members().contains(Actor.name())) {
            trail.recordRefusal("identity.refused-on-self", "group:" + groupCode);
            throw new SeparationOfDuties("identity.not-on-self");
        }
        for (String code : roleCodes) {
            roles.find(code).orElseThrow(() -> new IdentityProblem("identity.no-such-role", code));
        }
        directory.saveGroup(groupCode, group.name(), roleCodes);
        trail.record("group.roles", groupCode, String.join(",", new TreeSet<>(group.roles())),
                String.join(",", new TreeSet<>(roleCodes)));
    }

    /**
     * The security administrator's whole form for one account at once: its archive roles, groups, clearance and duty,
     * all or nothing. Parts that do not change are neither written nor audited.
     */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void grant(String username, Set<String> roleCodes, Set<String> groupCodes, Classification clearance,
            AdminDuty duty) {
        if (duty == null) {
            assignDuty(username, null);
        }
        assignRoles(username, roleCodes);
        setGroups(username, groupCodes);
        setClearance(username, clearance);
        if (duty != null) {
            assignDuty(username, duty);
        }
    }

    /** Sets the clearance (密级) of another account. */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void setClearance(String username, Classification clearance) {
        Account account = other(username);
        if (account.clearance() == clearance) {
            return;
        }
        accounts.setClearance(username, clearance);
        trail.record("account.clearance", username, account.clearance().name(), clearance.name());
    }

    /**
     * Makes another account one of the three administrators, or takes its duty away ({@code null}). An account
     * holds one duty at most and no archive roles with it; the last enabled holder of a duty keeps it.
     */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void assignDuty(String username, AdminDuty duty) {
        Account account = other(username);
        if (account.duty() == duty) {
            return;
        }
        if (duty != null && account.duty() != null) {
            throw new SeparationOfDuties("identity.one-duty-only", username, account.duty());
        }
        if (duty != null && account.mustChangePassword()) {
            // whoever issued the one-time password could sign in first and take the duty
            throw new SeparationOfDuties("identity.duty-needs-own-password", username);
        }
        if (duty != null && !accounts.effectiveRoles(username).isEmpty()) {
            throw new SeparationOfDuties("identity.admin-no-archive-roles", username, duty);
        }
        if (account.duty() != null && account.enabled() && accounts.countWithDuty(account.duty()) <= 1) {
            throw new IdentityProblem("identity.last-of-duty", account.duty());
        }
        accounts.setDuty(username, duty);
        accounts.endSessions(username);
        trail.record("account.duty", username, account.duty() == null ? null : account.duty().name(),
                duty == null ? null : duty.name());
    }

    // ---- confirming the system administrator's changes ------------------------------------------------------

    /** The changes waiting for confirmation: the security administrator's to confirm, the system administrator's to see. */
    @PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    public List<PendingChange> pendingChanges() {
        return pending.all();
    }

    /**
     * Confirms a change the system administrator made; it takes effect with this commit, at everyone's next request.
     * A new or reset account gets the rights it was given: confirm it only once its holder has chosen their own
     * password (refused before) and has told you so themselves, since whoever issued the one-time password knew it.
     */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void confirm(long id) {
        PendingChange change = taken(id);
        switch (change.kind()) {
            case NEW_ACCOUNT, PASSWORD_RESET -> {
                other(change.subject());
                if (!change.confirmable()) {
                    throw new IdentityProblem("identity.awaits-own-password", change.subject());
                }
                trail.record(change.kind() == Kind.NEW_ACCOUNT ? "account.create.confirm"
                        : "account.reset-password.confirm", change.subject(), null, null);
            }
            case ACCOUNT_UNIT -> {
                other(change.subject());
                accounts.setUnit(change.subject(), change.unit());
                trail.record("account.unit.confirm", change.subject(), change.unitNow(), change.unit());
            }
            case UNIT_PLACE -> {
                OrgUnit unit = directory.unit(change.subject()).orElseThrow();
                if (!directory.canPlace(unit.code(), change.unit())) {
                    // the tree changed since the request: below itself now
                    throw new IdentityProblem("identity.bad-parent-unit", change.unit());
                }
                directory.saveUnit(new OrgUnit(unit.code(), unit.name(), change.unit(), change.fonds()));
                trail.record("unit.place.confirm", unit.code(), OrgUnit.place(unit.parent(), unit.fonds()),
                        OrgUnit.place(change.unit(), change.fonds()));
            }
        }
    }

    /**
     * Refuses a move or a change of place: nothing changes. Not a new or reset account: refusing would give it its
     * rights under a password its issuer may have chosen; it stays without them until confirmed (an account no longer
     * needed is disabled by the system administrator).
     */
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public void refuse(long id) {
        PendingChange change = taken(id);
        if (change.kind().holdsRightsBack()) {
            throw new IdentityProblem("identity.not-refused", change.subject());
        }
        trail.record(change.kind() == Kind.ACCOUNT_UNIT ? "account.unit.refuse" : "unit.place.refuse",
                change.subject(), null, change.kind() == Kind.ACCOUNT_UNIT ? change.unit()
                        : OrgUnit.place(change.unit(), change.fonds()));
    }

    /** The pending change, taken out (its row locked: a second confirmation waits, then finds it gone). */
    private PendingChange taken(long id) {
        return pending.find(id).filter(pending::take)
                .orElseThrow(() -> new IdentityProblem("identity.no-such-pending-change", id));
    }

    private Account other(String username) {
        if (Actor.name().equals(username)) {
            trail.recordRefusal("identity.refused-on-self", username);
            throw new SeparationOfDuties("identity.not-on-self");
        }
        return accounts.find(username).orElseThrow(() -> new AccountNotFound(username));
    }

    private boolean holdsRole(String username, String role) {
        return accounts.effectiveRoles(username).contains(role);
    }

    private static void scopeCode(String code) {
        if (code == null || !SCOPE_CODE.matcher(code).matches()) {
            throw new IdentityProblem("identity.bad-code", String.valueOf(code));
        }
    }
}
