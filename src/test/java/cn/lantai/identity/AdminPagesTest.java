package cn.lantai.identity;

import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administration and audit pages open to their duty only, and refuse what the duty may not do. */
@LantaiTest
class AdminPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void eachPageOpensOnlyToItsDuty() throws Exception {
        mvc.perform(get("/admin/users").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/roles").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(Staff.page("admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(Staff.page("secadmin"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(Staff.page("auditor"))).andExpect(status().isForbidden());

        String asSystemAdmin = mvc.perform(get("/admin/users").with(Staff.page("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asSystemAdmin).contains("new-username").doesNotContain("name=\"clearance\"");
        String asSecurityAdmin = mvc.perform(get("/admin/users").with(Staff.page("secadmin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asSecurityAdmin).contains("name=\"clearance\"").doesNotContain("new-username");
        mvc.perform(get("/audit").with(Staff.page("auditor"))).andExpect(status().isOk());
        mvc.perform(get("/admin/units").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/admin/units").with(Staff.page("admin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("unit-code");
        // groups have their own page since the administrators' pages were split by task
        assertThat(mvc.perform(get("/admin/groups").with(Staff.page("admin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("group-code");
    }

    @Test
    void aFormSentOutsideOnesDutyIsRefusedWhateverThePageOffered() throws Exception {
        mvc.perform(post("/admin/users").param("username", "sneaky").param("displayName", "越权")
                .with(Staff.page("secadmin")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/archivist/permissions").param("clearance", "TOP_SECRET")
                .with(Staff.page("admin")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/audit/verify").with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void badAndHostileAccountDetailsComeBackAsAMessageAndMarkupStaysText() throws Exception {
        mvc.perform(post("/admin/users").param("username", "<script>").param("displayName", "x")
                .with(Staff.page("admin")).with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("<script>")));
        MvcResult made = mvc.perform(post("/admin/users").param("username", "markup1")
                .param("displayName", "<img src=x onerror=alert(1)>").with(Staff.page("admin")).with(csrf()))
                .andReturn();
        assertThat(made.getFlashMap().get("issued")).isNotNull();
        assertThat(made.getFlashMap().get("flash")).isEqualTo("admin.create-awaiting-confirmation");
        String page = mvc.perform(get("/admin/users").with(Staff.page("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    }

    @Test
    void theAccountPageShowsANewTokenOnceAndRefusesABadOne() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult made = mvc.perform(post("/account/tokens").param("name", "脚本").param("days", "7")
                .with(Staff.page(Staff.ARCHIVIST)).with(csrf())).andReturn();
        assertThat(made.getFlashMap().get("issued")).isNotNull();
        MvcResult bad = mvc.perform(post("/account/tokens").param("name", "").param("days", "9999")
                .with(Staff.page(Staff.ARCHIVIST)).with(csrf()).session(session)).andReturn();
        assertThat(bad.getFlashMap().get("tokenProblem")).isNotNull();
        mvc.perform(post("/account/tokens").param("name", "x").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isForbidden());
    }
}
