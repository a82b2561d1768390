package cn.lantai.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.lantai.identity.internal.Accounts;
import cn.lantai.identity.internal.Actor;
import cn.lantai.identity.internal.Directory;
import cn.lantai.identity.internal.IdentityTrail;
import cn.lantai.identity.internal.LoginAttempts;
import cn.lantai.identity.PendingChange.Kind;
import cn.lantai.identity.internal.PasswordPolicy;
import cn.lantai.identity.internal.PendingChanges;
import cn.lantai.identity.internal.PermissionGeneration;
import cn.lantai.identity.internal.TokenRefusals;
import cn.lantai.identity.internal.Tokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts, organisation units and groups, kept by the system administrator (系统管理员); and what every person does
 * for their own account: change the password, end all their sessions, keep personal access tokens. Roles and
 * clearances are not here: they are the security administrator's ({@link PermissionManagement}), and so is the last
 * word on whatever the system administrator does here that would change what someone may see: a new account, a
 * password reset, a move to another unit, a unit's place or fonds wait for the security administrator's confirmation
 * ({@link PermissionManagement#confirm}).
 */
@Service
public class AccountManagement {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    /** A 全宗号: up to 4 letters or digits (DA/T 22-2015), as the catalogue registers it. */
    private static final Pattern FONDS = Pattern.compile("[A-Za-z0-9]{1,4}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Names the audit trail uses for the application itself and for callers it cannot name. */
    private static final Set<String> RESERVED = Set.of("system", "anonymous", "unknown");

    private final Accounts accounts;
    private final Directory directory;
    private final Tokens tokens;
    private final PendingChanges pending;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final IdentityTrail trail;
    private final LoginAttempts loginAttempts;
    private final TokenRefusals refusals;
    private final PermissionGeneration generation;
    private final int maxTokenDays;
    private final boolean evaluationAdmin;

    AccountManagement(Accounts accounts, Directory directory, Tokens tokens, PendingChanges pending,
            PasswordPolicy policy, PasswordEncoder encoder, IdentityTrail trail, LoginAttempts loginAttempts,
            TokenRefusals refusals, PermissionGeneration generation,
            @Value("${lantai.security.token-max-days:365}") int maxTokenDays,
            @Value("${lantai.security.evaluation-admin:false}") boolean evaluationAdmin) {
        this.loginAttempts = loginAttempts;
        this.refusals = refusals;
        this.generation = generation;
        this.accounts = accounts;
        this.directory = directory;
        this.tokens = tokens;
        this.pending = pending;
        this.policy = policy;
        this.encoder = encoder;
        this.trail = trail;
        this.maxTokenDays = maxTokenDays;
        this.evaluationAdmin = evaluationAdmin;
    }

    // ---- the system administrator ---------------------------------------------------------------------------

    /**
     * Creates an account with no roles and no clearance, and a one-time password to be changed at first login. Whoever
     * creates it knows that password and could sign in first, so the account holds no rights (whatever roles, groups
     * and clearance it is given meanwhile) until its holder has chosen a password of their own and the security
     * administrator has confirmed the new account ({@link PermissionManagement#confirm}). Not so for local evaluation
     * ({@code lantai.security.evaluation-admin}), where the system administrator sees every record anyway.
     */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public IssuedPassword create(NewAccount given) {
        if (given.username() == null || !USERNAME.matcher(given.username()).matches()) {
            throw new IdentityProblem("identity.bad-username", String.valueOf(given.username()));
        }
        if (given.displayName() == null || given.displayName().isBlank() || given.displayName().length() > 100) {
            throw new IdentityProblem("identity.bad-display-name");
        }
        if (given.unit() != null && !given.unit().isBlank() && directory.unit(given.unit()).isEmpty()) {
            throw new IdentityProblem("identity.no-such-unit", given.unit());
        }
        if (RESERVED.contains(given.username().toLowerCase(Locale.ROOT))) {
            throw new IdentityProblem("identity.reserved-username", given.username());
        }
        if (accounts.existsIgnoringCase(given.username())) {
            throw new IdentityProblem("identity.account-exists", given.username());
        }
        String password = policy.oneTime();
        accounts.insert(given.username(), given.displayName().strip(), blankToNull(given.unit()),
                encoder.encode(password), null, true);
        trail.record("account.create", given.username(), null,
                given.displayName() + (given.unit() == null || given.unit().isBlank() ? "" : " @" + given.unit()));
        if (!evaluationAdmin) {
            pending.holdBack(Kind.NEW_ACCOUNT, given.username(), Actor.name());
        }
        return new IssuedPassword(given.username(), password);
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void disable(String username) {
        notSelf(username);
        Account account = existing(username);
        if (account.duty() != null && account.enabled() && accounts.countWithDuty(account.duty()) <= 1) {
            throw new IdentityProblem("identity.last-of-duty", account.duty());
        }
        accounts.setEnabled(username, false);
        accounts.endSessions(username);
        tokens.revokeAll(username);
        trail.record("account.disable", username, "enabled", "disabled");
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void enable(String username) {
        notSelf(username);
        existing(username);
        accounts.setEnabled(username, true);
        trail.record("account.enable", username, "disabled", "enabled");
    }

    /** Lifts a lockout after repeated failed logins. */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void unlock(String username) {
        existing(username);
        accounts.unlock(username);
        trail.record("account.unlock", username, null, null);
    }

    /**
     * A new one-time password for someone who forgot theirs; their sessions and tokens end. Whoever resets a password
     * knows it and could sign in as its holder, so the account holds no rights (no records, no tokens) until its holder
     * has chosen a password of their own and the security administrator has confirmed the reset
     * ({@link PermissionManagement#confirm}). Not for the three administrators: their password is reset only at the
     * server ({@code --lantai.security.reset-password=<name>}), outside every duty of the application.
     */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public IssuedPassword resetPassword(String username) {
        notSelf(username);
        if (existing(username).duty() != null) {
            trail.recordRefusal("identity.refused-admin-reset", username);
            throw new SeparationOfDuties("identity.admin-reset-at-server", username);
        }
        String password = policy.oneTime();
        accounts.setPassword(username, encoder.encode(password), true);
        accounts.endSessions(username);
        tokens.revokeAll(username);
        pending.holdBack(Kind.PASSWORD_RESET, username, Actor.name());
        trail.record("account.reset-password", username, null, null);
        return new IssuedPassword(username, password);
    }

    /**
     * Asks to move a person to another unit ({@code null}: to none). A unit archivist's scope is the fonds of their
     * unit, so the move takes effect only when the security administrator confirms it; asking for the unit the
     * person is in withdraws the request.
     *
     * @return the move waiting for confirmation; empty when there is nothing to move
     */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public Optional<PendingChange> moveToUnit(String username, String unit) {
        Account account = existing(username);
        String to = blankToNull(unit);
        if (to != null && directory.unit(to).isEmpty()) {
            throw new IdentityProblem("identity.no-such-unit", to);
        }
        if (Objects.equals(account.unit(), to)) {
            if (pending.withdraw(Kind.ACCOUNT_UNIT, username)) {
                trail.record("account.unit.withdraw", username, null, null);
            }
            return Optional.empty();
        }
        trail.record("account.unit.request", username, account.unit(), to);
        return Optional.of(pending.request(Kind.ACCOUNT_UNIT, username, to, null, Actor.name()));
    }

    /**
     * Defines a unit or renames one. Its place (parent) and fonds decide the scope of the unit archivists of the unit
     * and of every unit above it, so for a unit that exists they change only when the security administrator confirms
     * it; asking for the place it has withdraws the request. A new unit has no members and nothing below it: it takes
     * its place at once, and its fonds too unless it lies below another unit, whose archivists would reach that fonds.
     *
     * @return the change of place waiting for confirmation, if any
     */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public Optional<PendingChange> defineUnit(OrgUnit unit) {
        if (unit.code() == null || !CODE.matcher(unit.code()).matches()) {
            throw new IdentityProblem("identity.bad-code", String.valueOf(unit.code()));
        }
        if (unit.name() == null || unit.name().isBlank() || unit.name().length() > 200) {
            throw new IdentityProblem("identity.bad-display-name");
        }
        String code = unit.code();
        String name = unit.name().strip();
        String parent = blankToNull(unit.parent());
        String fonds = blankToNull(unit.fonds());
        if (fonds != null && !FONDS.matcher(fonds).matches()) {
            throw new IdentityProblem("identity.bad-fonds", fonds);
        }
        if (!directory.canPlace(code, parent)) {
            throw new IdentityProblem("identity.bad-parent-unit", parent);
        }
        Optional<OrgUnit> existing = directory.unit(code);
        if (existing.isEmpty()) {
            OrgUnit saved = new OrgUnit(code, name, parent, parent == null ? fonds : null);
            directory.saveUnit(saved);
            trail.record("unit.define", code, null, saved.toString());
            return parent == null || fonds == null ? Optional.empty() : Optional.of(requestPlace(saved, parent, fonds));
        }
        OrgUnit now = existing.get();
        if (!now.name().equals(name)) {
            directory.rename(code, name);
            trail.record("unit.rename", code, now.name(), name);
        }
        if (Objects.equals(now.parent(), parent) && Objects.equals(now.fonds(), fonds)) {
            if (pending.withdraw(Kind.UNIT_PLACE, code)) {
                trail.record("unit.place.withdraw", code, null, null);
            }
            return Optional.empty();
        }
        return Optional.of(requestPlace(now, parent, fonds));
    }

    private PendingChange requestPlace(OrgUnit now, String parent, String fonds) {
        trail.record("unit.place.request", now.code(), OrgUnit.place(now.parent(), now.fonds()),
                OrgUnit.place(parent, fonds));
        return pending.request(Kind.UNIT_PLACE, now.code(), parent, fonds, Actor.name());
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void defineGroup(String code, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IdentityProblem("identity.bad-code", String.valueOf(code));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IdentityProblem("identity.bad-display-name");
        }
        Set<String> roles = directory.group(code).map(Group::roles).orElse(Set.of());
        directory.saveGroup(code, name.strip(), roles);
        trail.record("group.define", code, null, name);
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    public List<Account> accounts() {
        return accounts.all();
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    public Account account(String username) {
        return existing(username);
    }

    @PreAuthorize("isAuthenticated()")
    public List<OrgUnit> units() {
        return directory.units();
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    public List<Group> groups() {
        return directory.groups();
    }

    // ---- every person, for their own account -----------------------------------------------------------------

    /** The signed-in person's own account. */
    @PreAuthorize("isAuthenticated()")
    public Account me() {
        return existing(Actor.name());
    }

    /** Changes one's own password under the policy; every other session of the account ends. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changePassword(String current, String replacement) {
        String username = Actor.name();
        String hash = accounts.passwordHash(username).orElseThrow(() -> new AccountNotFound(username));
        if (current == null || !encoder.matches(current, hash)) {
            // counts like a failed login, so a borrowed session cannot guess the password
            loginAttempts.countFailure(username);
            trail.recordRefusal("account.password-change-refused", username);
            throw new IdentityProblem("identity.password.wrong-current");
        }
        policy.check(username, replacement);
        if (encoder.matches(replacement, hash)) {
            throw new PasswordRejected(List.of("identity.password.unchanged"));
        }
        accounts.setPassword(username, encoder.encode(replacement), false);
        accounts.endSessions(username);
        tokens.revokeAll(username);
        trail.record("account.password-change", username, null, null);
    }

    /** Ends every session of one's own account, on every machine. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void logoutEverywhere() {
        accounts.endSessions(Actor.name());
        tokens.revokeAll(Actor.name());
        trail.record("account.logout-everywhere", Actor.name(), null, null);
    }

    /** A personal access token for the REST API, valid for the given days (at most the configured maximum). */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public IssuedToken createToken(String name, int validDays) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IdentityProblem("identity.bad-token-name");
        }
        if (validDays < 1 || validDays > maxTokenDays) {
            throw new IdentityProblem("identity.bad-token-days", maxTokenDays);
        }
        if (me().heldBack()) {
            // a token would outlive the wait: whoever issued the one-time password could keep acting as its holder
            throw new IdentityProblem("identity.held-back-no-token");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "lt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = UUID.randomUUID().toString();
        Instant expires = Instant.now().plus(Duration.ofDays(validDays));
        tokens.insert(id, Actor.name(), name.strip(), secret, expires);
        trail.record("token.create", Actor.name(), null, id + " " + name.strip() + " until " + expires);
        AccessToken token = tokens.of(Actor.name()).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        return new IssuedToken(token, secret);
    }

    @PreAuthorize("isAuthenticated()")
    public List<AccessToken> tokens() {
        return tokens.of(Actor.name());
    }

    /** Revokes one of one's own tokens; at once, every later call with it is refused. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void revokeToken(String id) {
        String owner = tokens.owner(id).orElseThrow(() -> new IdentityProblem("identity.no-such-token"));
        if (!owner.equals(Actor.name())) {
            throw new IdentityProblem("identity.no-such-token");
        }
        tokens.revoke(id);
        trail.record("token.revoke", owner, id, "revoked");
    }

    /**
     * The account holding a usable token with this secret (not revoked, not expired, account enabled and not
     * locked); for the API's authentication filter, at every call: one read of the {@link PermissionGeneration}, and
     * the token with its account read only when that moved on since the token was last read (see {@link Tokens}), with
     * no transaction (the rare writes, a refusal's audit entry or the time of use once a minute, stand alone). Refusals
     * are counted per address ({@link TokenRefusals}: audited once a minute, not once a call); an address with too
     * many this minute gets {@link TokensThrottled} and its tokens are not looked up.
     */
    public Optional<TokenHolder> tokenHolder(String secret) {
        String address = Actor.address();
        if (refusals.throttled(address)) {
            refusals.refused(address, "unknown", null);
            throw new TokensThrottled();
        }
        if (secret == null || secret.length() > 200) {
            refusals.refused(address, "unknown", null);
            return Optional.empty();
        }
        Instant now = Instant.now();
        // the generation first, then what it guards: what is read after it is at least as new as it
        long current = generation.current();
        Optional<Tokens.Holder> holder = tokens.bySecret(secret, current);
        Optional<Tokens.Holder> usable = holder.filter(h -> h.usableAt(now));
        if (usable.isEmpty()) {
            refusals.refused(address, holder.map(Tokens.Holder::username).orElse("unknown"),
                    holder.map(h -> h.token().id()).orElse(null));
        }
        return usable.map(h -> {
            tokens.used(h.token(), now);
            return new TokenHolder(h.username(), current);
        });
    }

    /**
     * Whose token authenticated a call, and the {@link PermissionGeneration} it was read under: the permissions of
     * that call are the ones of that generation ({@link PermissionManagement#permissions(TokenHolder)}).
     */
    public record TokenHolder(String username, long permissionGeneration) {
    }

    private Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> new AccountNotFound(username));
    }

    private void notSelf(String username) {
        if (Actor.name().equals(username)) {
            trail.recordRefusal("identity.refused-on-self", username);
            throw new SeparationOfDuties("identity.not-on-self");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
