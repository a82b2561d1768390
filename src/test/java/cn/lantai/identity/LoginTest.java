package cn.lantai.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import cn.lantai.catalog.Classification;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Form login: lockout, the password policy, one-time passwords, sessions that end everywhere. */
@LantaiTest
class LoginTest {

    @Autowired
    Staff staff;
    @Autowired
    AccountManagement accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private MvcResult login(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    private static boolean failed(MvcResult result) {
        return result.getResponse().getRedirectedUrl().startsWith("/login?error");
    }

    @Test
    void wrongPasswordsLockTheAccountUntilTheSystemAdministratorUnlocksIt() throws Exception {
        staff.ensure("lockme", "锁定测试", null, Classification.NONE, List.of("READING_ROOM"));
        assertThat(failed(login("lockme", Staff.PASSWORD))).isFalse();
        for (int i = 0; i < 5; i++) {
            assertThat(failed(login("lockme", "wrong-" + i))).isTrue();
        }
        // the right password no longer opens a locked account
        assertThat(failed(login("lockme", Staff.PASSWORD))).isTrue();
        assertThat(staff.asSystemAdmin(() -> accounts.account("lockme")).lockedAt(Instant.now())).isTrue();
        staff.asSystemAdmin(() -> {
            accounts.unlock("lockme");
            return null;
        });
        assertThat(failed(login("lockme", Staff.PASSWORD))).isFalse();
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", Staff.ADMIN_PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "admin").param("password", Staff.ADMIN_PASSWORD)
                .with(csrf().useInvalidToken())).andExpect(status().isForbidden());
    }

    @Test
    void aOneTimePasswordLeadsToTheChangePasswordPageOnly() throws Exception {
        IssuedPassword issued = staff.asSystemAdmin(() -> accounts.create(new NewAccount("newcomer", "新人", null)));
        MvcResult result = login("newcomer", issued.oneTimePassword());
        assertThat(failed(result)).isFalse();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
        mvc.perform(get("/catalogue").session(session)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void weakPasswordsAreRefusedWithEveryReason() {
        staff.ensure("policy", "策略", null, Classification.NONE, List.of());
        assertThatThrownBy(() -> staff.as("policy", () -> {
            accounts.changePassword(Staff.PASSWORD, "policy1");
            return null;
        })).isInstanceOfSatisfying(PasswordRejected.class, e -> assertThat(e.reasons()).contains(
                "identity.password.too-short", "identity.password.too-simple", "identity.password.contains-username"));
        assertThatThrownBy(() -> staff.as("policy", () -> {
            accounts.changePassword("not-the-current", "Quite-Good-Passw0rd");
            return null;
        })).isInstanceOf(IdentityProblem.class);
    }

    @Test
    void logoutEverywhereEndsEverySessionOfTheAccount() throws Exception {
        staff.ensure("roamer", "多处登录", null, Classification.NONE, List.of("READING_ROOM"));
        MockHttpSession office = (MockHttpSession) login("roamer", Staff.PASSWORD).getRequest().getSession();
        MockHttpSession home = (MockHttpSession) login("roamer", Staff.PASSWORD).getRequest().getSession();
        assertThat(String.valueOf(mvc.perform(get("/").session(office)).andReturn().getResponse().getRedirectedUrl()))
                .doesNotContain("/login");
        staff.as("roamer", () -> {
            accounts.logoutEverywhere();
            return null;
        });
        mvc.perform(get("/").session(office)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/").session(home)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndTokens() throws Exception {
        staff.ensure("leaver", "离职", null, Classification.NONE, List.of("READING_ROOM"));
        String token = staff.token("leaver");
        MockHttpSession session = (MockHttpSession) login("leaver", Staff.PASSWORD).getRequest().getSession();
        mvc.perform(get("/api/v1/me").with(Staff.bearer(token))).andExpect(status().isOk());
        staff.asSystemAdmin(() -> {
            accounts.disable("leaver");
            return null;
        });
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/me").with(Staff.bearer(token))).andExpect(status().isUnauthorized());
        assertThat(failed(login("leaver", Staff.PASSWORD))).isTrue();
    }

    @Test
    void revokedExpiredAndForgedTokensAuthenticateNobody() throws Exception {
        staff.ensure("apiuser", "接口用户", null, Classification.NONE, List.of("READING_ROOM"));
        IssuedToken revoked = staff.as("apiuser", () -> accounts.createToken("to revoke", 5));
        IssuedToken expired = staff.as("apiuser", () -> accounts.createToken("expired", 5));
        jdbc.sql("UPDATE access_token SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), expired.token().id()).update();
        mvc.perform(get("/api/v1/me").with(Staff.bearer(revoked.secret()))).andExpect(status().isOk());

        staff.as("apiuser", () -> {
            accounts.revokeToken(revoked.token().id());
            return null;
        });

        mvc.perform(get("/api/v1/me").with(Staff.bearer(revoked.secret()))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(Staff.bearer(expired.secret()))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(Staff.bearer(revoked.secret() + "x"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(Staff.bearer("' OR 1=1 --"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(Staff.bearer("x".repeat(10_000)))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
        // nor is a password: the API takes tokens only (HTTP Basic is for local evaluation, see EvaluationAdminTest)
        mvc.perform(get("/api/v1/me").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.httpBasic("apiuser", Staff.PASSWORD)))
                .andExpect(status().isUnauthorized());
        // a session cookie is no way into the API
        MockHttpSession session = (MockHttpSession) login("apiuser", Staff.PASSWORD).getRequest().getSession();
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenInUseStopsAtTheNextCallOnceItsAccountIsLockedAndServesAgainOnceUnlocked() throws Exception {
        staff.ensure("lockedout", "被锁者", null, Classification.NONE, List.of("READING_ROOM"));
        String token = staff.token("lockedout");
        mvc.perform(get("/api/v1/me").with(Staff.bearer(token))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(Staff.bearer(token))).andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            assertThat(failed(login("lockedout", "wrong-" + i))).isTrue();
        }
        mvc.perform(get("/api/v1/me").with(Staff.bearer(token))).andExpect(status().isUnauthorized());
        staff.asSystemAdmin(() -> {
            accounts.unlock("lockedout");
            return null;
        });
        mvc.perform(get("/api/v1/me").with(Staff.bearer(token))).andExpect(status().isOk());
    }

    @Test
    void anotherPersonsTokenCannotBeRevoked() {
        staff.ensure("owner", "所有者", null, Classification.NONE, List.of());
        staff.ensure("other", "他人", null, Classification.NONE, List.of());
        IssuedToken mine = staff.as("owner", () -> accounts.createToken("mine", 5));
        assertThatThrownBy(() -> staff.as("other", () -> {
            accounts.revokeToken(mine.token().id());
            return null;
        })).isInstanceOf(IdentityProblem.class);
    }

    @Test
    void manyConcurrentCallsWithOneTokenAreAllServed() throws Exception {
        // more callers than database connections: authenticating a call must never hold two connections at once
        staff.ensure("busy", "并发接口用户", null, Classification.NONE, List.of("READING_ROOM"));
        String token = staff.token("busy");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(pool.submit(() -> mvc.perform(get("/api/v1/me").with(Staff.bearer(token))).andReturn()
                        .getResponse().getStatus()));
            }
            for (var call : calls) {
                assertThat(call.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPasswordChangeAResetOrLoggingOutEverywhereAlsoEndsEveryAccessToken() throws Exception {
        staff.ensure("tokened", "持令牌者", null, Classification.NONE, List.of("READING_ROOM"));
        String first = staff.as("tokened", () -> accounts.createToken("one", 5)).secret();
        mvc.perform(get("/api/v1/me").with(Staff.bearer(first))).andExpect(status().isOk());
        staff.as("tokened", () -> {
            accounts.changePassword(Staff.PASSWORD, "Another-Pass-2026");
            return null;
        });
        mvc.perform(get("/api/v1/me").with(Staff.bearer(first))).andExpect(status().isUnauthorized());

        String second = staff.as("tokened", () -> accounts.createToken("two", 5)).secret();
        IssuedPassword reset = staff.asSystemAdmin(() -> accounts.resetPassword("tokened"));
        mvc.perform(get("/api/v1/me").with(Staff.bearer(second))).andExpect(status().isUnauthorized());
        staff.as("tokened", () -> {
            accounts.changePassword(reset.oneTimePassword(), "Own-again-Pass-2026");
            return null;
        });
        staff.confirmPending("tokened");

        String third = staff.as("tokened", () -> accounts.createToken("three", 5)).secret();
        staff.as("tokened", () -> {
            accounts.logoutEverywhere();
            return null;
        });
        mvc.perform(get("/api/v1/me").with(Staff.bearer(third))).andExpect(status().isUnauthorized());
    }

    @Test
    void wrongCurrentPasswordsWhenChangingItCountTowardsTheLockout() {
        staff.ensure("guessed", "被猜者", null, Classification.NONE, List.of("READING_ROOM"));
        for (int i = 0; i < 5; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> staff.as("guessed", () -> {
                accounts.changePassword("guess-" + Math.random(), "Whatever-Pass-2026");
                return null;
            })).isInstanceOf(IdentityProblem.class);
        }
        assertThat(staff.asSystemAdmin(() -> accounts.account("guessed")).lockedAt(Instant.now())).isTrue();
    }
}
