package cn.lantai.identity;

import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each of the three administrators lands on their own work, and each administrators' page offers only the buttons of
 * the duty looking at it (the services refuse the rest: {@link AdminPagesTest}, {@code SeparationOfDutiesTest}).
 */
@LantaiTest
class AdminDutyPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    AccountManagement accounts;

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(Staff.page(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void eachAdministratorLandsOnTheirOwnWorkAndArchivistsOnTheCatalogue() throws Exception {
        mvc.perform(get("/").with(Staff.page("admin"))).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/").with(Staff.page("secadmin"))).andExpect(redirectedUrl("/admin/pending"));
        mvc.perform(get("/").with(Staff.page("auditor"))).andExpect(redirectedUrl("/audit"));
        mvc.perform(get("/").with(Staff.page(Staff.ARCHIVIST))).andExpect(redirectedUrl("/catalogue"));
        // the sign-in leads to "/", which leads on
        mvc.perform(post("/login").param("username", "secadmin").param("password", Staff.SECADMIN_PASSWORD)
                .with(csrf())).andExpect(redirectedUrl("/"));
    }

    @Test
    void theSystemAdministratorIsOfferedNoRoleClearanceOrConfirmationAndNothingOnTheirOwnAccount() throws Exception {
        String users = page("/admin/users", "admin");
        assertThat(users).contains("id=\"new-username\"").doesNotContain("name=\"clearance\"")
                .doesNotContain("/permissions\"")
                // not on oneself, not a password reset of another administrator (only at the server)
                .doesNotContain("/admin/users/admin/disable").doesNotContain("/admin/users/admin/password-reset")
                .doesNotContain("/admin/users/secadmin/password-reset")
                .doesNotContain("/admin/users/auditor/password-reset")
                .contains("class=\"subnav\"");
        assertThat(page("/admin/roles", "admin")).doesNotContain("id=\"role-code\"");
        assertThat(page("/admin/units", "admin")).contains("id=\"unit-code\"");
        assertThat(page("/admin/groups", "admin")).contains("id=\"group-code\"").doesNotContain("/roles\" method");

        staff.asSystemAdmin(() -> accounts.create(new NewAccount("waits" + System.nanoTime() % 100000, "待确认者", null)));
        String pending = page("/admin/pending", "admin");
        assertThat(pending).contains("新建账户").doesNotContain("/confirm\"").doesNotContain("/refuse\"");
    }

    @Test
    void theSecurityAdministratorIsOfferedNoAccountUnitOrGroupCreationAndNothingOnTheirOwnRights() throws Exception {
        String users = page("/admin/users", "secadmin");
        assertThat(users).contains("name=\"clearance\"").doesNotContain("id=\"new-username\"")
                .doesNotContain("/disable\"").doesNotContain("/password-reset\"").doesNotContain("/place\"")
                .doesNotContain("/admin/users/secadmin/permissions");
        assertThat(page("/admin/units", "secadmin")).doesNotContain("id=\"unit-code\"").doesNotContain("修改</summary>");
        assertThat(page("/admin/groups", "secadmin")).doesNotContain("id=\"group-code\"");
        assertThat(page("/admin/roles", "secadmin")).contains("id=\"role-code\"");

        String username = "confirm" + System.nanoTime() % 100000;
        staff.asSystemAdmin(() -> accounts.create(new NewAccount(username, "待本人设密码", null)));
        String pending = page("/admin/pending", "secadmin");
        // a new account is never refused, and confirmed only once its holder has chosen a password
        assertThat(pending).contains("待本人设密码 (" + username + ")").contains("本人尚未设置新密码")
                .doesNotContain("/refuse\"");
    }

    @Test
    void aNewAccountsFormPostedTwiceMakesOneAccountAndSaysTheNameIsTaken() throws Exception {
        String username = "twice" + System.nanoTime() % 100000;
        MvcResult first = mvc.perform(post("/admin/users").param("username", username).param("displayName", "赵六")
                .with(Staff.page("admin")).with(csrf())).andExpect(redirectedUrl("/admin/users")).andReturn();
        assertThat(first.getFlashMap().get("issued")).isNotNull();
        MvcResult second = mvc.perform(post("/admin/users").param("username", username).param("displayName", "赵六")
                .with(Staff.page("admin")).with(csrf())).andExpect(redirectedUrl("/admin/users")).andReturn();
        assertThat(second.getFlashMap().get("issued")).isNull();
        assertThat((String) second.getFlashMap().get("problem")).isEqualTo("登录名已被使用：" + username);
        assertThat(staff.asSystemAdmin(() -> accounts.accounts().stream()
                .filter(a -> a.username().equalsIgnoreCase(username)).count())).isEqualTo(1);
    }

    @Test
    void theAuditorReadsNoAdministratorsPage() throws Exception {
        for (String path : new String[] {"/admin/users", "/admin/units", "/admin/groups", "/admin/roles",
                "/admin/pending"}) {
            mvc.perform(get(path).with(Staff.page("auditor"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
        }
    }
}
