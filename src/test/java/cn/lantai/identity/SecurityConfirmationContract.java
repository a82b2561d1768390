package cn.lantai.identity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.internal.PermissionGeneration;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.SearchIndexed;
import cn.lantai.support.Staff;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 三员分立 holds against the system administrator's own tools: neither a new account nor a password reset lets the one
 * who issued its one-time password act as the person, and moving a person between units or changing a unit's place or
 * fonds changes nobody's data scope, until the security administrator confirms it. Run against every database Lantai supports (H2 and PostgreSQL).
 */
abstract class SecurityConfirmationContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Staff staff;
    @Autowired
    AccountManagement accounts;
    @Autowired
    PermissionManagement permissions;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    AuditTrail trail;
    @Autowired
    PermissionGeneration generation;
    @Autowired
    MockMvc mvc;

    String fondsA;
    String fondsB;

    @BeforeEach
    void twoUnitsWithTheirFonds() {
        fondsA = staff.unitWithFonds("甲局");
        fondsB = staff.unitWithFonds("乙局");
    }

    private Item item(String fonds, String title, String classification) {
        return catalog.create(Entries.item(fonds, 2016, title).with(DescriptionField.CLASSIFICATION, classification)
                .with(DescriptionField.OPEN_STATUS, "控制").input(), Viewer.system());
    }

    private JsonNode json(ResultActions done) throws Exception {
        return JSON.readTree(done.andReturn().getResponse().getContentAsString());
    }

    /** A workbench sign-in through the login form, as anyone who knows the password would do it. */
    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    /** The one change waiting for confirmation about this account or unit, as the security administrator lists it. */
    private JsonNode pendingOf(String subject) throws Exception {
        JsonNode all = json(mvc.perform(get("/api/v1/pending-changes").with(Staff.as("secadmin")))
                .andExpect(status().isOk()));
        JsonNode found = null;
        for (JsonNode c : all) {
            if (c.get("subject").asString().equals(subject)) {
                assertThat(found).as("one pending change about " + subject).isNull();
                found = c;
            }
        }
        assertThat(found).as("a pending change about " + subject).isNotNull();
        return found;
    }

    private ResultActions decide(String who, JsonNode change, String decision) throws Exception {
        return mvc.perform(post("/api/v1/pending-changes/" + change.get("id").asLong() + "/" + decision)
                .with(Staff.as(who)));
    }

    private long audited(String actor, String action, String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(actor, action, target, null, null), 0, 10)).total();
    }

    /** The titles the person's search finds for these words, once the archivist (who sees all) finds {@code all}. */
    private List<String> found(RequestPostProcessor who, String words, int all) throws Exception {
        Awaitility.await().alias(all + " hits for " + words).atMost(SearchIndexed.PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> json(mvc.perform(get("/api/v1/search").param("q", words).with(Staff.archivist())))
                        .get("total").asLong() == all);
        JsonNode result = json(mvc.perform(get("/api/v1/search").param("q", words).with(who))
                .andExpect(status().isOk()));
        return result.get("hits").valueStream().map(h -> h.get("title").asString()).sorted().toList();
    }

    @Test
    void aPasswordResetLetsTheResetterReadNothingOfThePersonsUntilTheSecurityAdministratorConfirmsIt()
            throws Exception {
        String alice = "alice-" + fondsA;
        staff.ensure(alice, "爱丽丝", null, Classification.SECRET, List.of("READING_ROOM"));
        Item confidential = item(fondsA, "机密级的人事任免方案" + fondsA, "机密");
        String page = "/items/" + confidential.id().value();
        mvc.perform(get("/api/v1" + page).with(Staff.as(alice))).andExpect(status().isOk());

        // the system administrator resets alice's password and is shown the one-time password
        String oneTime = json(mvc.perform(post("/api/v1/accounts/" + alice + "/password-reset")
                .with(Staff.as("admin"))).andExpect(status().isOk())).get("oneTimePassword").asString();
        mvc.perform(get("/api/v1" + page).with(Staff.as(alice))).andExpect(status().isUnauthorized());

        // ... signs in as alice with it, chooses alice's new password, and signs in again
        MockHttpSession posing = signInReplacingOneTimePassword(alice, oneTime, "Taken-over-2026");

        // ... and reads nothing of alice's: not the record in the workbench, no token for the API
        mvc.perform(get(page).session(posing)).andExpect(status().isNotFound());
        mvc.perform(post("/account/tokens").param("name", "mine").accept(MediaType.APPLICATION_JSON)
                .session(posing).with(csrf())).andExpect(status().isBadRequest());
        assertThat(mvc.perform(get("/account").session(posing)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("安全保密管理员确认之前，本账户没有任何权限");
        // ... nor confirms the reset himself
        JsonNode reset = pendingOf(alice);
        assertThat(reset.get("kind").asString()).isEqualTo("PASSWORD_RESET");
        decide("admin", reset, "confirm").andExpect(status().isForbidden());

        // both administrators' pages show the reset waiting, in Chinese and in English
        for (String admin : List.of("admin", "secadmin")) {
            assertThat(mvc.perform(get("/admin/users").with(Staff.page(admin))).andReturn().getResponse()
                    .getContentAsString()).contains("密码已重置，待确认");
            assertThat(mvc.perform(get("/admin/users").with(Staff.page(admin)).locale(Locale.ENGLISH)).andReturn()
                    .getResponse().getContentAsString()).contains("Password reset, awaiting confirmation");
            assertThat(mvc.perform(get("/admin/pending").with(Staff.page(admin))).andReturn().getResponse()
                    .getContentAsString()).contains("本人已设置新密码");
        }

        // the security administrator confirms (having checked with alice that it was her): her rights are back
        decide("secadmin", reset, "confirm").andExpect(status().isNoContent());
        mvc.perform(get(page).session(posing)).andExpect(status().isOk());
        String token = json(mvc.perform(post("/account/tokens").param("name", "mine")
                .accept(MediaType.APPLICATION_JSON).session(posing).with(csrf())).andExpect(status().isOk()))
                .get("secret").asString();
        mvc.perform(get("/api/v1" + page).with(Staff.bearer(token))).andExpect(status().isOk());

        // both steps are in the trail
        assertThat(audited("admin", "account.reset-password", alice)).isEqualTo(1);
        assertThat(audited("secadmin", "account.reset-password.confirm", alice)).isEqualTo(1);
    }

    @Test
    void aResetIsConfirmedOnlyOnceItsHolderHasChosenTheirOwnPasswordAndIsNeverRefusedBackToItsRights()
            throws Exception {
        String bob = "bob-" + fondsA;
        staff.ensure(bob, "鲍勃", null, Classification.NONE, List.of("READING_ROOM"));
        String oneTime = staff.asSystemAdmin(() -> accounts.resetPassword(bob)).oneTimePassword();
        JsonNode reset = pendingOf(bob);
        assertThat(reset.get("confirmable").asBoolean()).isFalse();
        // whoever reset it knows the one-time password: confirming now would hand the account to them
        decide("secadmin", reset, "confirm").andExpect(status().isBadRequest());
        // refusing would give the account its rights back under a password its resetter may have chosen
        decide("secadmin", reset, "refuse").andExpect(status().isBadRequest());
        assertThat(mvc.perform(get("/admin/pending").with(Staff.page("secadmin"))).andReturn().getResponse()
                .getContentAsString()).contains("本人尚未设置新密码");

        MockHttpSession own = signInReplacingOneTimePassword(bob, oneTime, "Bobs-own-2026");
        assertThat(pendingOf(bob).get("confirmable").asBoolean()).isTrue();
        decide("secadmin", reset, "confirm").andExpect(status().isNoContent());
        assertThat(mvc.perform(get("/account").session(own)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).doesNotContain("本账户没有任何权限");
        // confirmed once: it is gone
        decide("secadmin", reset, "confirm").andExpect(status().isBadRequest());
    }

    @Test
    void aNewAccountLetsItsCreatorReadNothingOfWhatItIsGrantedUntilTheSecurityAdministratorConfirmsIt()
            throws Exception {
        String bob = "new-" + fondsA;
        Item confidential = item(fondsA, "机密级的干部考察材料" + fondsA, "机密");
        String page = "/items/" + confidential.id().value();

        // the system administrator creates bob and is shown the one-time password
        String oneTime = json(mvc.perform(post("/api/v1/accounts").with(Staff.as("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + bob + "\",\"displayName\":\"鲍勃\"}"))
                .andExpect(status().isCreated())).get("oneTimePassword").asString();
        // the security administrator prepares the account before bob ever signs in: 机密, an archivist's role
        mvc.perform(put("/api/v1/accounts/" + bob + "/clearance").with(Staff.as("secadmin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"clearance\":\"机密\"}")).andExpect(status().isOk());
        mvc.perform(put("/api/v1/accounts/" + bob + "/roles").with(Staff.as("secadmin"))
                .contentType(MediaType.APPLICATION_JSON).content("[\"READING_ROOM\"]")).andExpect(status().isOk());

        // the system administrator signs in as bob with the one-time password, chooses bob's password ...
        MockHttpSession posing = signInReplacingOneTimePassword(bob, oneTime, "Taken-over-2026");
        // ... and reads nothing with what bob was granted: not the record in the workbench, no token for the API
        mvc.perform(get(page).session(posing)).andExpect(status().isNotFound());
        mvc.perform(post("/account/tokens").param("name", "mine").accept(MediaType.APPLICATION_JSON)
                .session(posing).with(csrf())).andExpect(status().isBadRequest());
        assertThat(mvc.perform(get("/account").session(posing)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("新账户尚待安全保密管理员确认");
        assertThat(mvc.perform(get("/account").session(posing).locale(Locale.ENGLISH)).andReturn().getResponse()
                .getContentAsString()).contains("Your new account awaits the security administrator");
        // ... nor confirms the new account himself
        JsonNode created = pendingOf(bob);
        assertThat(created.get("kind").asString()).isEqualTo("NEW_ACCOUNT");
        decide("admin", created, "confirm").andExpect(status().isForbidden());

        // both administrators' pages show the new account waiting (its row among the accounts, the change among those
        // to confirm), in Chinese and in English
        for (String admin : List.of("admin", "secadmin")) {
            assertThat(mvc.perform(get("/admin/users").with(Staff.page(admin))).andReturn().getResponse()
                    .getContentAsString()).contains("新账户，待确认");
            assertThat(mvc.perform(get("/admin/users").with(Staff.page(admin)).locale(Locale.ENGLISH)).andReturn()
                    .getResponse().getContentAsString()).contains("New account, awaiting confirmation");
            assertThat(mvc.perform(get("/admin/pending").with(Staff.page(admin))).andReturn().getResponse()
                    .getContentAsString()).contains("新建账户").contains("本人已设置新密码");
        }

        // the security administrator confirms (having checked with bob that it was him): what bob was given holds
        decide("secadmin", created, "confirm").andExpect(status().isNoContent());
        mvc.perform(get(page).session(posing)).andExpect(status().isOk());
        String token = json(mvc.perform(post("/account/tokens").param("name", "mine")
                .accept(MediaType.APPLICATION_JSON).session(posing).with(csrf())).andExpect(status().isOk()))
                .get("secret").asString();
        mvc.perform(get("/api/v1" + page).with(Staff.bearer(token))).andExpect(status().isOk());

        // both steps are in the trail
        assertThat(audited("admin", "account.create", bob)).isEqualTo(1);
        assertThat(audited("secadmin", "account.create.confirm", bob)).isEqualTo(1);
    }

    @Test
    void aNewAccountIsConfirmedOnlyOnceItsHolderHasChosenTheirOwnPasswordAndIsNeverRefusedIntoItsRights()
            throws Exception {
        String carol = "carol-" + fondsA;
        String oneTime = staff.asSystemAdmin(() -> accounts.create(new NewAccount(carol, "卡罗尔", null)))
                .oneTimePassword();
        staff.asSecurityAdmin(() -> {
            permissions.grant(carol, Set.of("READING_ROOM"), Set.of(), Classification.SECRET, null);
            return null;
        });
        JsonNode created = pendingOf(carol);
        assertThat(created.get("confirmable").asBoolean()).isFalse();
        // whoever created it knows the one-time password: confirming now would hand the account to them
        decide("secadmin", created, "confirm").andExpect(status().isBadRequest());
        // refusing would give the account its rights under a password its creator may choose
        decide("secadmin", created, "refuse").andExpect(status().isBadRequest());
        assertThat(mvc.perform(get("/admin/pending").with(Staff.page("secadmin"))).andReturn().getResponse()
                .getContentAsString()).contains("本人尚未设置新密码");
        assertThat(permissions.permissions(carol).orElseThrow().clearance()).isEqualTo(Classification.NONE);

        MockHttpSession own = signInReplacingOneTimePassword(carol, oneTime, "Carols-own-2026");
        assertThat(permissions.permissions(carol).orElseThrow().rights()).isEmpty();
        assertThat(pendingOf(carol).get("confirmable").asBoolean()).isTrue();
        decide("secadmin", created, "confirm").andExpect(status().isNoContent());
        assertThat(permissions.permissions(carol).orElseThrow().clearance()).isEqualTo(Classification.SECRET);
        assertThat(mvc.perform(get("/account").session(own)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).doesNotContain("本账户没有任何权限");
        decide("secadmin", created, "confirm").andExpect(status().isBadRequest());
    }

    /** Signs in with a one-time password, replaces it as the workbench demands, and signs in with the new one. */
    private MockHttpSession signInReplacingOneTimePassword(String username, String oneTime, String chosen)
            throws Exception {
        MockHttpSession first = signIn(username, oneTime);
        mvc.perform(get("/catalogue").session(first)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").param("current", oneTime).param("replacement", chosen)
                .param("repeated", chosen).session(first).with(csrf())).andExpect(redirectedUrl("/login?changed"));
        return signIn(username, chosen);
    }

    @Test
    void aUnitArchivistMovedToAnotherUnitSearchesAsBeforeUntilTheSecurityAdministratorConfirms() throws Exception {
        String clerk = "moved-" + fondsA;
        staff.ensure(clerk, "甲局档案员", "U" + fondsA, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        String words = "会议纪要 " + fondsA;
        item(fondsA, "甲局的会议纪要" + fondsA, "无");
        Item theirs = item(fondsB, "乙局的会议纪要" + fondsA, "无");
        assertThat(found(Staff.as(clerk), words, 2)).containsExactly("甲局的会议纪要" + fondsA);

        long before = generation.current();
        ResultActions asked = mvc.perform(put("/api/v1/accounts/" + clerk + "/unit").with(Staff.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unit\":\"U" + fondsB + "\"}"));
        assertThat(found(Staff.as(clerk), words, 2)).containsExactly("甲局的会议纪要" + fondsA);
        mvc.perform(get("/api/v1/items/" + theirs.id().value()).with(Staff.as(clerk))).andExpect(status().isNotFound());
        asked.andExpect(status().isAccepted());
        assertThat(generation.current()).as("a request changes no one's permissions").isEqualTo(before);
        assertThat(mvc.perform(get("/admin/pending").with(Staff.page("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("(U" + fondsA + ") → ").contains("(U" + fondsB + ")");
        // neither the one who asked, nor the auditor, nor the archivist confirms it; only the security administrator
        JsonNode move = pendingOf(clerk);
        for (String other : List.of("admin", "auditor", clerk)) {
            decide(other, move, "confirm").andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/pending-changes").with(Staff.as(clerk))).andExpect(status().isForbidden());

        decide("secadmin", move, "confirm").andExpect(status().isNoContent());
        assertThat(generation.current()).isGreaterThan(before);
        assertThat(found(Staff.as(clerk), words, 2)).containsExactly("乙局的会议纪要" + fondsA);
        assertThat(audited("admin", "account.unit.request", clerk)).isEqualTo(1);
        assertThat(audited("secadmin", "account.unit.confirm", clerk)).isEqualTo(1);
    }

    @Test
    void aDecisionOnAChangeThatIsNotWaitingIsRefusedPlainlyAndChangesNothing() throws Exception {
        String clerk = "decided-" + fondsA;
        staff.ensure(clerk, "甲局档案员", "U" + fondsA, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        mvc.perform(put("/api/v1/accounts/" + clerk + "/unit").with(Staff.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"unit\":\"U" + fondsB + "\"}"))
                .andExpect(status().isAccepted());
        JsonNode move = pendingOf(clerk);
        decide("secadmin", move, "refuse").andExpect(status().isNoContent());

        // the same change again (refused meanwhile), one that never was, and ids that are no ids
        for (String decision : List.of("confirm", "refuse")) {
            decide("secadmin", move, decision).andExpect(status().isBadRequest());
            for (String id : List.of("999999999", "-1", "abc", "1e3", "99999999999999999999")) {
                mvc.perform(post("/api/v1/pending-changes/" + id + "/" + decision).with(Staff.as("secadmin")))
                        .andExpect(status().isBadRequest());
            }
        }
        assertThat(staff.asSystemAdmin(() -> accounts.accounts()).stream()
                .filter(a -> a.username().equals(clerk)).findFirst().orElseThrow().unit()).isEqualTo("U" + fondsA);
        assertThat(audited("secadmin", "account.unit.confirm", clerk)).isZero();
    }

    @Test
    void aUnitFormingAnotherFondsOrPlacedAboveAnotherChangesNoScopeUntilTheSecurityAdministratorConfirms()
            throws Exception {
        String clerk = "placed-" + fondsA;
        staff.ensure(clerk, "甲局档案员", "U" + fondsA, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        String fondsC = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fondsC, "丙局"), Viewer.system());
        String words = "防汛通知 " + fondsA;
        item(fondsA, "甲局的防汛通知" + fondsA, "无");
        item(fondsB, "乙局的防汛通知" + fondsA, "无");
        item(fondsC, "丙局的防汛通知" + fondsA, "无");
        assertThat(found(Staff.as(clerk), words, 3)).containsExactly("甲局的防汛通知" + fondsA);

        // 甲局 now forms 乙局's fonds: refused, nothing changed; asked again and confirmed, the scope follows
        String otherFonds = "{\"name\":\"甲局\",\"fonds\":\"" + fondsB + "\"}";
        ResultActions asked = mvc.perform(put("/api/v1/units/U" + fondsA).with(Staff.as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(otherFonds));
        assertThat(found(Staff.as(clerk), words, 3)).containsExactly("甲局的防汛通知" + fondsA);
        asked.andExpect(status().isAccepted());
        assertThat(mvc.perform(get("/admin/units").with(Staff.page("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("全宗 " + fondsA + " → " + fondsB + "（待确认）");
        decide("secadmin", pendingOf("U" + fondsA), "refuse").andExpect(status().isNoContent());
        assertThat(found(Staff.as(clerk), words, 3)).containsExactly("甲局的防汛通知" + fondsA);
        mvc.perform(put("/api/v1/units/U" + fondsA).with(Staff.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(otherFonds)).andExpect(status().isAccepted());
        decide("admin", pendingOf("U" + fondsA), "confirm").andExpect(status().isForbidden());
        decide("secadmin", pendingOf("U" + fondsA), "confirm").andExpect(status().isNoContent());
        assertThat(found(Staff.as(clerk), words, 3)).containsExactly("乙局的防汛通知" + fondsA);

        // a new unit below 甲局 forming 丙局's fonds: in place at once, its fonds only once confirmed
        asked = mvc.perform(put("/api/v1/units/U" + fondsC).with(Staff.as("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"丙局\",\"parent\":\"U" + fondsA + "\",\"fonds\":\"" + fondsC + "\"}"));
        assertThat(found(Staff.as(clerk), words, 3)).containsExactly("乙局的防汛通知" + fondsA);
        asked.andExpect(status().isAccepted());
        decide("secadmin", pendingOf("U" + fondsC), "confirm").andExpect(status().isNoContent());
        assertThat(found(Staff.as(clerk), words, 3)).containsExactly("丙局的防汛通知" + fondsA, "乙局的防汛通知" + fondsA);
        assertThat(audited("secadmin", "unit.place.refuse", "U" + fondsA)).isEqualTo(1);
        assertThat(audited("secadmin", "unit.place.confirm", "U" + fondsA)).isEqualTo(1);
    }
}
