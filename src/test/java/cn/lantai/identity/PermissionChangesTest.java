package cn.lantai.identity;

import java.util.List;
import java.util.Set;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.internal.PermissionCache;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Effective permissions are not read afresh at every request, yet every change that commits — a role granted or
 * taken, a role's rights or scope, a group's roles, a membership, a clearance, a duty, a unit, a disablement, a
 * password — shows in that person's very next request.
 */
@LantaiTest
class PermissionChangesTest {

    @Autowired
    Staff staff;
    @Autowired
    AccountManagement accounts;
    @Autowired
    PermissionManagement permissions;
    @Autowired
    PermissionCache cache;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    MockMvc mvc;

    String fonds;
    String otherFonds;
    /** 无密级, 控制使用: needs a role that covers records not yet open. */
    Item controlled;
    /** 机密, 控制使用: needs that and a clearance of 机密 or above. */
    Item confidential;
    /** 无密级, 控制使用, in the other fonds. */
    Item elsewhere;

    @BeforeEach
    void recordsOfTwoFonds() {
        fonds = Catalogues.freshFonds();
        otherFonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "甲局"), Viewer.system());
        catalog.registerFonds(new Fonds(otherFonds, "乙局"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        controlled = item(fonds, "控制使用的会议纪要", "无");
        confidential = item(fonds, "机密级的防汛预案", "机密");
        elsewhere = item(otherFonds, "乙局的会议纪要", "无");
    }

    private Item item(String inFonds, String title, String classification) {
        return catalog.create(Entries.item(inFonds, 2016, title + inFonds)
                .with(DescriptionField.CLASSIFICATION, classification).with(DescriptionField.OPEN_STATUS, "控制")
                .input(), Viewer.system());
    }

    /** A new person (named after this test's fonds) with a token, as the administrators would make them. */
    private String person(String prefix, String unit, Classification clearance, List<String> roles) {
        String name = prefix + "-" + fonds;
        staff.ensure(name, "测试人员", unit, clearance, roles);
        staff.token(name);
        return name;
    }

    private static ResultMatcher reads(boolean yes) {
        return yes ? status().isOk() : status().isNotFound();
    }

    private void readsItem(String who, Item item, boolean yes) throws Exception {
        mvc.perform(get("/api/v1/items/" + item.id().value()).with(Staff.as(who))).andExpect(reads(yes));
    }

    private void asSecurityAdmin(Runnable work) {
        staff.asSecurityAdmin(() -> {
            work.run();
            return null;
        });
    }

    private void asSystemAdmin(Runnable work) {
        staff.asSystemAdmin(() -> {
            work.run();
            return null;
        });
    }

    @Test
    void aRoleGrantedOrTakenAwayCountsFromTheNextRequest() throws Exception {
        String clerk = person("granted", null, Classification.NONE, List.of());
        readsItem(clerk, controlled, false);
        asSecurityAdmin(() -> permissions.assignRoles(clerk, Set.of("READING_ROOM")));
        readsItem(clerk, controlled, true);
        asSecurityAdmin(() -> permissions.assignRoles(clerk, Set.of()));
        readsItem(clerk, controlled, false);
    }

    @Test
    void aRolesScopeEditedReachesEveryHolderAtTheirNextRequest() throws Exception {
        String code = "SCOPED_" + fonds;
        asSecurityAdmin(() -> permissions.defineRole(new Role(code, "甲局利用", true, false, false,
                Set.of(Right.SERVE_READERS), Set.of(fonds), Set.of())));
        String first = person("scoped-a", null, Classification.NONE, List.of(code));
        String second = person("scoped-b", null, Classification.NONE, List.of(code));
        readsItem(first, controlled, true);
        readsItem(second, controlled, true);
        readsItem(first, elsewhere, false);

        asSecurityAdmin(() -> permissions.defineRole(new Role(code, "乙局利用", true, false, false,
                Set.of(Right.SERVE_READERS), Set.of(otherFonds), Set.of())));
        readsItem(first, controlled, false);
        readsItem(first, elsewhere, true);
        readsItem(second, controlled, false);

        // its rights too: the role no longer covers records not yet open
        asSecurityAdmin(() -> permissions.defineRole(new Role(code, "乙局利用", false, false, false,
                Set.of(Right.SERVE_READERS), Set.of(otherFonds), Set.of())));
        readsItem(second, elsewhere, false);
    }

    @Test
    void aGroupsRolesAndItsMembershipCountFromTheNextRequest() throws Exception {
        String group = "G" + fonds;
        asSystemAdmin(() -> accounts.defineGroup(group, "甲局利用组"));
        String member = person("member", null, Classification.NONE, List.of());
        asSecurityAdmin(() -> permissions.setGroups(member, Set.of(group)));
        readsItem(member, controlled, false);

        asSecurityAdmin(() -> permissions.setGroupRoles(group, Set.of("READING_ROOM")));
        readsItem(member, controlled, true);
        asSecurityAdmin(() -> permissions.setGroupRoles(group, Set.of()));
        readsItem(member, controlled, false);

        asSecurityAdmin(() -> permissions.setGroupRoles(group, Set.of("READING_ROOM")));
        readsItem(member, controlled, true);
        asSecurityAdmin(() -> permissions.setGroups(member, Set.of()));
        readsItem(member, controlled, false);
        asSecurityAdmin(() -> permissions.setGroups(member, Set.of(group)));
        readsItem(member, controlled, true);
    }

    @Test
    void aLoweredClearanceHidesAConfidentialRecordAtTheNextRequest() throws Exception {
        String reader = person("cleared", null, Classification.TOP_SECRET, List.of("READING_ROOM"));
        readsItem(reader, confidential, true);
        asSecurityAdmin(() -> permissions.setClearance(reader, Classification.NONE));
        readsItem(reader, confidential, false);
        readsItem(reader, controlled, true);
    }

    @Test
    void aDutyGivenOrTakenCountsFromTheNextRequest() throws Exception {
        String deputy = person("deputy", null, Classification.NONE, List.of());
        mvc.perform(get("/api/v1/accounts").with(Staff.as(deputy))).andExpect(status().isForbidden());
        asSecurityAdmin(() -> permissions.assignDuty(deputy, AdminDuty.SYSTEM_ADMIN));
        mvc.perform(get("/api/v1/accounts").with(Staff.as(deputy))).andExpect(status().isOk());
        asSecurityAdmin(() -> permissions.assignDuty(deputy, null));
        mvc.perform(get("/api/v1/accounts").with(Staff.as(deputy))).andExpect(status().isForbidden());
    }

    @Test
    void aConfirmedMoveToAnotherUnitMovesAUnitArchivistsScopeAtTheNextRequest() throws Exception {
        asSystemAdmin(() -> {
            accounts.defineUnit(new OrgUnit("U" + fonds, "甲局", null, fonds));
            accounts.defineUnit(new OrgUnit("U" + otherFonds, "乙局", null, otherFonds));
        });
        String clerk = person("unitclerk", "U" + fonds, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        readsItem(clerk, controlled, true);
        readsItem(clerk, elsewhere, false);
        asSystemAdmin(() -> accounts.moveToUnit(clerk, "U" + otherFonds));
        staff.confirmPending(clerk);
        readsItem(clerk, controlled, false);
        readsItem(clerk, elsewhere, true);
        // and a unit that now forms another fonds
        asSystemAdmin(() -> accounts.defineUnit(new OrgUnit("U" + otherFonds, "乙局", null, fonds)));
        staff.confirmPending("U" + otherFonds);
        readsItem(clerk, controlled, true);
        readsItem(clerk, elsewhere, false);
    }

    @Test
    void aDisabledAccountsSessionAndTokensEndAtTheirNextRequest() throws Exception {
        String clerk = person("disabled", null, Classification.NONE, List.of("READING_ROOM"));
        MockHttpSession session = signedIn(clerk);
        mvc.perform(get("/account").session(session).with(workbenchUser(clerk))).andExpect(status().isOk());
        readsItem(clerk, controlled, true);

        asSystemAdmin(() -> accounts.disable(clerk));
        mvc.perform(get("/account").session(session).with(workbenchUser(clerk)))
                .andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/items/" + controlled.id().value()).with(Staff.as(clerk)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aChangedPasswordEndsTheOtherSessionsAtTheirNextRequest() throws Exception {
        String clerk = person("password", null, Classification.NONE, List.of("READING_ROOM"));
        MockHttpSession session = signedIn(clerk);
        mvc.perform(get("/account").session(session).with(workbenchUser(clerk))).andExpect(status().isOk());
        staff.as(clerk, () -> {
            accounts.changePassword(Staff.PASSWORD, "Another-pass-2025!");
            return null;
        });
        mvc.perform(get("/account").session(session).with(workbenchUser(clerk)))
                .andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void unchangedPermissionsAreNotComputedAgainAtEveryRequest() throws Exception {
        String clerk = person("steady", null, Classification.NONE, List.of("READING_ROOM"));
        readsItem(clerk, controlled, true);
        long before = cache.computations();
        for (int i = 0; i < 5; i++) {
            readsItem(clerk, controlled, true);
        }
        assertThat(cache.computations()).as("computations for five requests with nothing changed").isEqualTo(before);

        asSecurityAdmin(() -> permissions.setClearance(clerk, Classification.SECRET));
        readsItem(clerk, controlled, true);
        assertThat(cache.computations()).as("computed again after a change").isEqualTo(before + 1);
    }

    /** A workbench session begun now, as the sign-in makes it (it remembers the account's session epoch). */
    private MockHttpSession signedIn(String username) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("lantai.session-epoch", permissions.permissions(username).orElseThrow().sessionEpoch());
        return session;
    }

    private static RequestPostProcessor workbenchUser(String username) {
        return user(username).authorities(AuthorityUtils.createAuthorityList("ROLE_USER"));
    }
}
