package cn.lantai.identity;

import java.util.List;
import java.util.Set;

import cn.lantai.catalog.Classification;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 三员分立: each administrator does their own job only, no account holds two duties, nobody grants themselves. */
@LantaiTest
class SeparationOfDutiesTest {

    @Autowired
    Staff staff;
    @Autowired
    AccountManagement accounts;
    @Autowired
    PermissionManagement permissions;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstStartCreatesTheThreeAdministratorsEachWithOneDuty() {
        List<Account> all = staff.asSystemAdmin(accounts::accounts);
        assertThat(all).filteredOn(a -> a.username().equals("admin")).singleElement()
                .extracting(Account::duty).isEqualTo(AdminDuty.SYSTEM_ADMIN);
        assertThat(all).filteredOn(a -> a.username().equals("secadmin")).singleElement()
                .extracting(Account::duty).isEqualTo(AdminDuty.SECURITY_ADMIN);
        assertThat(all).filteredOn(a -> a.username().equals("auditor")).singleElement()
                .extracting(Account::duty).isEqualTo(AdminDuty.AUDITOR);
    }

    @Test
    void noAccountHoldsTwoOfTheThreeAdministratorDuties() {
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.assignDuty("admin", AdminDuty.AUDITOR);
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.assignDuty("auditor", AdminDuty.SYSTEM_ADMIN);
            return null;
        })).isInstanceOf(SeparationOfDuties.class);

        staff.ensure("deputy-sys", "副系统管理员", null, Classification.NONE, List.of());
        staff.asSecurityAdmin(() -> {
            permissions.assignDuty("deputy-sys", AdminDuty.SYSTEM_ADMIN);
            return null;
        });
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.assignDuty("deputy-sys", AdminDuty.SECURITY_ADMIN);
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
        // the schema keeps one duty per account whatever the application does
        assertThat(jdbc.sql("SELECT admin_duty FROM account WHERE username = 'deputy-sys'").query(String.class).single())
                .isEqualTo("SYSTEM_ADMIN");
        assertThatThrownBy(() -> jdbc.sql("UPDATE account SET admin_duty = 'ROOT' WHERE username = 'deputy-sys'")
                .update()).isInstanceOf(Exception.class);
    }

    @Test
    void administratorsDoNoArchiveWork() {
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.assignRoles("admin", Set.of("CATALOGUING"));
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
        staff.ensure("clerk-with-role", "著录员", null, Classification.SECRET, List.of("CATALOGUING"));
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.assignDuty("clerk-with-role", AdminDuty.AUDITOR);
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
    }

    @Test
    void nobodyGrantsThemselvesAnything() {
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.setClearance("secadmin", Classification.TOP_SECRET);
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.assignRoles("secadmin", Set.of("READING_ROOM"));
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.assignDuty("secadmin", null);
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
        // a group's roles reach its members: membership is the security administrator's to give, never to oneself
        staff.asSystemAdmin(() -> {
            accounts.defineGroup("ALL-STAFF", "全体人员");
            return null;
        });
        staff.asSecurityAdmin(() -> {
            permissions.setGroupRoles("ALL-STAFF", Set.of("CATALOGUING"));
            return null;
        });
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.setGroups("secadmin", Set.of("ALL-STAFF"));
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
        assertThat(permissions.permissions("secadmin").orElseThrow().rights()).isEmpty();
    }

    @Test
    void eachAdministratorDoesOnlyTheirOwnJob() {
        staff.ensure("someone", "某人", null, Classification.NONE, List.of());
        // the system administrator keeps accounts but grants nothing
        assertThatThrownBy(() -> staff.asSystemAdmin(() -> {
            permissions.setClearance("someone", Classification.SECRET);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        // the security administrator grants but keeps no accounts
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> accounts.create(new NewAccount("x1", "某", null))))
                .isInstanceOf(AccessDeniedException.class);
        // the auditor does neither
        assertThatThrownBy(() -> staff.asAuditor(() -> accounts.create(new NewAccount("x2", "某", null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.asAuditor(() -> {
            permissions.assignRoles("someone", Set.of("PUBLIC"));
            return null;
        })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theApiAnswersForbiddenToAnAdministratorOutsideTheirDuty() throws Exception {
        mvc.perform(put("/api/v1/accounts/archivist/clearance").with(Staff.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"clearance\":\"绝密\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/accounts").with(Staff.as("secadmin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"zz\",\"displayName\":\"z\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/accounts/secadmin/duty").with(Staff.as("secadmin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"duty\":\"AUDITOR\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts").with(Staff.archivist())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts").with(Staff.as("admin"))).andExpect(status().isOk());
    }

    @Test
    void theSystemAdministratorCannotTakeOverAnotherAdministratorsAccount() {
        // a reset hands out a password: for an administrator's account that would let the resetter act as them
        assertThatThrownBy(() -> staff.asSystemAdmin(() -> accounts.resetPassword("auditor")))
                .isInstanceOf(SeparationOfDuties.class);
        assertThatThrownBy(() -> staff.asSystemAdmin(() -> accounts.resetPassword("secadmin")))
                .isInstanceOf(SeparationOfDuties.class);
        // and the only auditor cannot be switched off, which would leave the trail unread
        assertThatThrownBy(() -> staff.asSystemAdmin(() -> {
            accounts.disable("auditor");
            return null;
        })).isInstanceOf(IdentityProblem.class);
        assertThat(staff.asSystemAdmin(() -> accounts.account("auditor")).enabled()).isTrue();
    }

    @Test
    void namesTheTrailUsesForTheApplicationItselfAreNotGivenToPeople() {
        assertThatThrownBy(() -> staff.asSystemAdmin(() -> accounts.create(new NewAccount("system", "冒名", null))))
                .isInstanceOf(IdentityProblem.class);
    }

    @Test
    void theSystemAdministratorCannotGrantThroughGroupsNorPlantADutyOnAnAccountWhosePasswordTheyIssued() {
        IssuedPassword issued = staff.asSystemAdmin(() -> accounts.create(new NewAccount("fresh-admin", "新管理员", null)));
        staff.asSystemAdmin(() -> {
            accounts.defineGroup("EDITORS", "著录组");
            return null;
        });
        staff.asSecurityAdmin(() -> {
            permissions.setGroupRoles("EDITORS", Set.of("CATALOGUING"));
            return null;
        });
        // placing someone in a group hands them the group's roles: not the system administrator's to do
        assertThatThrownBy(() -> staff.asSystemAdmin(() -> {
            permissions.setGroups("fresh-admin", Set.of("EDITORS"));
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        // the system administrator knows the one-time password: the account takes no duty until its holder chose one
        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> {
            permissions.assignDuty("fresh-admin", AdminDuty.AUDITOR);
            return null;
        })).isInstanceOf(SeparationOfDuties.class);
        staff.as("fresh-admin", () -> {
            accounts.changePassword(issued.oneTimePassword(), "Own-choice-2026");
            return null;
        });
        staff.asSecurityAdmin(() -> {
            permissions.assignDuty("fresh-admin", AdminDuty.AUDITOR);
            return null;
        });
        // and holds it once the security administrator has confirmed the new account
        assertThat(permissions.permissions("fresh-admin").orElseThrow().duty()).isNull();
        staff.confirmPending("fresh-admin");
        assertThat(permissions.permissions("fresh-admin").orElseThrow().duty()).isEqualTo(AdminDuty.AUDITOR);
        staff.asSecurityAdmin(() -> {
            permissions.assignDuty("fresh-admin", null);
            return null;
        });
    }
}
