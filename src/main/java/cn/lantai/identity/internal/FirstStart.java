package cn.lantai.identity.internal;

import cn.lantai.identity.AdminDuty;
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
 * must be changed at the first login. At any start, {@code --lantai.security.reset-password=<name>} resets one
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
    private final TransactionTemplate transactions;
    private final String[] given;
    private final String reset;

    FirstStart(Accounts accounts, PasswordPolicy policy, PasswordEncoder encoder, IdentityTrail trail,
            TransactionTemplate transactions, @Value("${lantai.admin-password:}") String admin,
            @Value("${lantai.secadmin-password:}") String secadmin,
            @Value("${lantai.auditor-password:}") String auditor,
            @Value("${lantai.security.reset-password:}") String reset) {
        this.reset = reset;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.trail = trail;
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
            log.warn("The password of {} was reset at the server; its one-time password is {} (change it at the first "
                    + "login; it is not shown again).", username, password);
        });
    }

    private void create(String username, String name, AdminDuty duty, String password, String variable) {
        boolean oneTime = password == null || password.isBlank();
        String effective = oneTime ? policy.oneTime() : password;
        accounts.insert(username, name, null, encoder.encode(effective), duty, oneTime);
        trail.recordAs("system", null, "account.create", username, null, duty.name());
        if (oneTime) {
            log.warn("First start: {} ({}) has the one-time password {} (set {} to choose it); change it at the first "
                    + "login. It is not shown again.", username, name, effective, variable);
        }
    }
}
