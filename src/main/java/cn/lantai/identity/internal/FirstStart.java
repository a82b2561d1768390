package cn.lantai.identity.internal;

import cn.lantai.identity.AdminDuty;
import cn.lantai.identity.PasswordRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the first start (no accounts yet) creates the three separated administrators: {@code admin} (system),
 * {@code secadmin} (security) and {@code auditor}. Each takes its password from LANTAI_ADMIN_PASSWORD,
 * LANTAI_SECADMIN_PASSWORD, LANTAI_AUDITOR_PASSWORD; where one is not set, a one-time password is printed once and
 * must be changed at the first login; it is also written to {@link InitialPasswords} (a file under the data directory
 * that only the server's account may read), not only to the log. At any start, {@code --lantai.security.reset-password=<name>} resets one
 * account's password at the server (the only way to reset an administrator's).
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final IdentityTrail trail;
    private final InitialPasswords initialPasswords;
    private final TransactionTemplate transactions;
    private final String[] given;
    private final String reset;

    FirstStart(Accounts accounts, PasswordPolicy policy, PasswordEncoder encoder, IdentityTrail trail,
            InitialPasswords initialPasswords, TransactionTemplate transactions, @Value("${lantai.admin-password:}") String admin,
            @Value("${lantai.secadmin-password:}") String secadmin,
            @Value("${lantai.auditor-password:}") String auditor,
            @Value("${lantai.security.reset-password:}") String reset) {
        this.reset = reset;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.trail = trail;
        this.initialPasswords = initialPasswords;
        this.transactions = transactions;
        this.given = new String[] {admin, secadmin, auditor};
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(tx -> {
            if (!accounts.none()) {
                return;
            }
            create("admin", "系统管理员", AdminDuty.SYSTEM_ADMIN, given[0], "LANTAI_ADMIN_PASSWORD");
            create("secadmin", "安全保密管理员", AdminDuty.SECURITY_ADMIN, given[1], "LANTAI_SECADMIN_PASSWORD");
            create("auditor", "安全审计员", AdminDuty.AUDITOR, given[2], "LANTAI_AUDITOR_PASSWORD");
        });
        if (reset != null && !reset.isBlank()) {
            resetAtServer(reset.strip());
        }
    }

    /**
     * The way back in for an administrator who lost their password: whoever starts the application at the server with
     * {@code --lantai.security.reset-password=<name>} gets a one-time password printed once, and the trail records it.
     */
    private void resetAtServer(String username) {
        transactions.executeWithoutResult(tx -> {
            if (!accounts.exists(username)) {
                log.warn("--lantai.security.reset-password: there is no account {}", username);
                return;
            }
            String password = policy.oneTime();
            accounts.setPassword(username, encoder.encode(password), true);
            accounts.unlock(username);
            accounts.endSessions(username);
            trail.recordAs("system", null, "account.reset-password-at-server", username, null, null);
            initialPasswords.write(username, accounts.find(username).map(a -> a.displayName()).orElse(username),
                    password, "reset at the server");
            log.warn("The password of {} was reset at the server; its one-time password is {} (also written to {}, "
                    + "readable by this server's account only; change it at the first login).", username, password,
                    initialPasswords.file());
        });
    }

    private void create(String username, String name, AdminDuty duty, String password, String variable) {
        boolean oneTime = password == null || password.isBlank();
        String effective = oneTime ? policy.oneTime() : password;
        if (!oneTime) {
            try {
                policy.check(username, password);
            } catch (PasswordRejected weak) {
                // it is taken as given (the server's operator chose it), but said plainly, without the password
                log.warn("First start: the password of {} given in {} breaks the password policy ({}); change it at "
                        + "the first login.", username, variable, String.join(", ", weak.reasons()));
            }
        }
        accounts.insert(username, name, null, encoder.encode(effective), duty, oneTime);
        trail.recordAs("system", null, "account.create", username, null, duty.name());
        if (oneTime) {
            // written within the first start's transaction: if it cannot be kept, no account is made without it
            initialPasswords.write(username, name, effective, "first start");
            log.warn("First start: {} ({}) has the one-time password {} (set {} to choose it; also written to {}, "
                    + "readable by this server's account only); change it at the first login.", username, name,
                    effective, variable, initialPasswords.file());
        }
    }
}
