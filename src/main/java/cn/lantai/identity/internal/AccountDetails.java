package cn.lantai.identity.internal;

import java.time.Instant;

import cn.lantai.identity.Account;
import cn.lantai.identity.PermissionManagement;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Gives Spring Security's password login the account: its hash, whether it is enabled or locked, its authorities. */
@Component
class AccountDetails implements UserDetailsService {

    private final Accounts accounts;
    private final PermissionManagement permissions;

    AccountDetails(Accounts accounts, PermissionManagement permissions) {
        this.accounts = accounts;
        this.permissions = permissions;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        String[] authorities = permissions.permissions(username).map(p -> p.authorities().toArray(String[]::new))
                .orElse(new String[0]);
        return User.withUsername(account.username())
                .password(accounts.passwordHash(username).orElseThrow())
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(Instant.now()))
                .authorities(AuthorityUtils.createAuthorityList(authorities))
                .build();
    }
}
