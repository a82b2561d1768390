package cn.lantai.identity.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.lantai.identity.AccessToken;
import cn.lantai.identity.Account;
import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.IssuedPassword;
import cn.lantai.identity.NewAccount;
import cn.lantai.identity.OrgUnit;
import cn.lantai.identity.PendingChange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST for accounts, units and groups (the system administrator's) and for one's own tokens. */
@RestController
class AccountController {

    private final AccountManagement accounts;

    AccountController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/accounts")
    List<Account> accounts() {
        return accounts.accounts();
    }

    @GetMapping("/api/v1/accounts/{username}")
    Account account(@PathVariable String username) {
        return accounts.account(username);
    }

    @PostMapping("/api/v1/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedPassword create(@RequestBody NewAccount account) {
        return accounts.create(account);
    }

    @PostMapping("/api/v1/accounts/{username}/disable")
    void disable(@PathVariable String username) {
        accounts.disable(username);
    }

    @PostMapping("/api/v1/accounts/{username}/enable")
    void enable(@PathVariable String username) {
        accounts.enable(username);
    }

    @PostMapping("/api/v1/accounts/{username}/unlock")
    void unlock(@PathVariable String username) {
        accounts.unlock(username);
    }

    @PostMapping("/api/v1/accounts/{username}/password-reset")
    IssuedPassword resetPassword(@PathVariable String username) {
        return accounts.resetPassword(username);
    }

    /** 202 with the move waiting for the security administrator's confirmation; 204 when there is nothing to move. */
    @PutMapping("/api/v1/accounts/{username}/unit")
    ResponseEntity<PendingChange> unit(@PathVariable String username, @RequestBody Map<String, String> body) {
        return accounts.moveToUnit(username, body.get("unit")).map(ResponseEntity.accepted()::body)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/units")
    List<OrgUnit> units() {
        return accounts.units();
    }

    /**
     * 200 with the unit as it now is; 202 with the change of its place or fonds that waits for the security
     * administrator's confirmation.
     */
    @PutMapping("/api/v1/units/{code}")
    ResponseEntity<?> defineUnit(@PathVariable String code, @RequestBody OrgUnit unit) {
        return accounts.defineUnit(new OrgUnit(code, unit.name(), unit.parent(), unit.fonds()))
                .<ResponseEntity<?>>map(ResponseEntity.accepted()::body)
                .orElseGet(() -> ResponseEntity.ok(accounts.units().stream().filter(u -> u.code().equals(code))
                        .findFirst().orElseThrow()));
    }

    @PutMapping("/api/v1/groups/{code}")
    void defineGroup(@PathVariable String code, @RequestBody Map<String, String> body) {
        accounts.defineGroup(code, body.get("name"));
    }

    @GetMapping("/api/v1/me")
    Account me() {
        return accounts.me();
    }

    @GetMapping("/api/v1/me/tokens")
    List<AccessToken> tokens() {
        return accounts.tokens();
    }

    @DeleteMapping("/api/v1/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id) {
        accounts.revokeToken(id);
    }
}
