package cn.lantai.identity;

import java.util.List;
import java.util.Set;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Classification;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Logins, failed logins, permission changes, refused tokens and exports are in the audit trail, with who and where. */
@LantaiTest
class IdentityAuditTest {

    @Autowired
    Staff staff;
    @Autowired
    PermissionManagement permissions;
    @Autowired
    AuditTrail trail;
    @Autowired
    MockMvc mvc;

    private List<AuditEntry> entries(String actor, String action, String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(actor, action, target, null, null), 0, 100))
                .entries();
    }

    @Test
    void loginsAndFailedLoginsAreAuditedWithTheNameTriedAndTheAddress() throws Exception {
        staff.ensure("visitor1", "来访", null, Classification.NONE, List.of("PUBLIC"));
        mvc.perform(post("/login").param("username", "visitor1").param("password", "wrong").with(csrf())
                .with(r -> {
                    r.setRemoteAddr("192.0.2.7");
                    return r;
                }));
        mvc.perform(post("/login").param("username", "visitor1").param("password", Staff.PASSWORD).with(csrf()));
        mvc.perform(post("/login").param("username", "nobody-such").param("password", "x").with(csrf()));
        assertThat(entries("visitor1", "login.failure", "visitor1")).singleElement()
                .satisfies(e -> assertThat(e.address()).isEqualTo("192.0.2.7"));
        assertThat(entries("visitor1", "login.success", "visitor1")).hasSize(1);
        assertThat(entries("nobody-such", "login.failure", null)).hasSize(1);
    }

    @Test
    void permissionChangesAreAuditedWithBeforeAndAfter() {
        staff.ensure("promoted", "晋升", null, Classification.NONE, List.of("PUBLIC"));
        staff.asSecurityAdmin(() -> {
            permissions.grant("promoted", Set.of("CATALOGUING"), Set.of(), Classification.SECRET, null);
            return null;
        });
        assertThat(entries("secadmin", "account.clearance", "promoted")).first()
                .satisfies(e -> {
                    assertThat(e.before()).isEqualTo("NONE");
                    assertThat(e.after()).isEqualTo("SECRET");
                });
        assertThat(entries("secadmin", "account.roles", "promoted")).first()
                .satisfies(e -> {
                    assertThat(e.before()).isEqualTo("PUBLIC");
                    assertThat(e.after()).isEqualTo("CATALOGUING");
                });
    }

    @Test
    void refusedTokensAndExportsAreAudited() throws Exception {
        mvc.perform(get("/api/v1/me").with(Staff.bearer("lt_forged"))).andExpect(status().isUnauthorized());
        assertThat(entries("unknown", "token.refused", null)).isNotEmpty();
        var export = mvc.perform(get("/api/v1/exports").param("format", "csv").with(Staff.archivist())).andReturn();
        mvc.perform(asyncDispatch(export)).andExpect(status().isOk());
        assertThat(entries(Staff.ARCHIVIST, "catalog.export", null)).isNotEmpty();
    }

    @Test
    void anAttemptToGrantOneselfIsRefusedAndAuditedAsSuch() {
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.setClearance("secadmin", Classification.TOP_SECRET);
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
        assertThat(entries("secadmin", "identity.refused-on-self", "secadmin")).isNotEmpty();
    }
}
