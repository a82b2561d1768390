package cn.lantai.identity.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed password logins and locks the account after {@code lantai.security.lockout.attempts} in a row (default
 * 5) for {@code lantai.security.lockout.duration} (default 15 minutes); a good login resets the count. Every login
 * and failed login goes to the audit trail, with the name that was tried.
 */
@Component
public class LoginAttempts {

    private final Accounts accounts;
    private final IdentityTrail trail;
    private final TransactionTemplate transactions;
    private final int limit;
    private final Duration lockout;

    LoginAttempts(Accounts accounts, IdentityTrail trail, TransactionTemplate transactions,
            @Value("${lantai.security.lockout.attempts:5}") int limit,
            @Value("${lantai.security.lockout.duration:15m}") Duration lockout) {
        this.accounts = accounts;
        this.trail = trail;
        this.transactions = transactions;
        this.limit = limit;
        this.lockout = lockout;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String tried = clip(event.getAuthentication().getName());
        String reason = event.getException().getClass().getSimpleName();
        transactions.executeWithoutResult(tx -> {
            if (event instanceof AuthenticationFailureBadCredentialsEvent && accounts.exists(tried)) {
                accounts.failedLogin(tried, limit, Instant.now().plus(lockout));
            }
            trail.recordAs(tried, Actor.address(), "login.failure", tried, null, reason);
        });
    }

    /**
     * Counts a wrong password given outside the login form (changing one's password) like a failed login, in a
     * transaction of its own: the refused change rolls back, the count stays.
     */
    public void countFailure(String username) {
        TransactionTemplate apart = new TransactionTemplate(transactions.getTransactionManager());
        apart.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        apart.executeWithoutResult(tx -> accounts.failedLogin(username, limit, Instant.now().plus(lockout)));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        transactions.executeWithoutResult(tx -> {
            accounts.succeededLogin(name);
            trail.recordAs(name, Actor.address(), "login.success", name, null, null);
        });
    }

    private static String clip(String name) {
        return name == null ? "" : name.length() > 64 ? name.substring(0, 64) : name;
    }
}
