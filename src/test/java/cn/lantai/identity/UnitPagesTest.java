package cn.lantai.identity;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Classification;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Organisation units have a Latin code and a Chinese name; the list reads 名称 (代码); bad input says why beside the field. */
@LantaiTest
class UnitPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    AccountManagement accounts;
    @Autowired
    AuditTrail trail;

    private static String freshCode() {
        return "U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private boolean exists(String code) {
        return staff.asSystemAdmin(() -> accounts.units().stream().anyMatch(u -> u.code().equalsIgnoreCase(code)));
    }

    @Test
    void aUnitWithAChineseNameIsListedAsNameAndCodeAndAnAccountInItShowsTheSame() throws Exception {
        String code = freshCode();
        mvc.perform(post("/admin/units").param("code", code).param("name", "区人民政府办公室").param("fonds", "")
                .with(Staff.page("admin")).with(csrf())).andExpect(redirectedUrl("/admin/units"));
        String units = mvc.perform(get("/admin/units").with(Staff.page("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(units).contains("区人民政府办公室 (" + code + ")");

        String username = "clerk" + code.toLowerCase(Locale.ROOT);
        mvc.perform(post("/admin/users").param("username", username).param("displayName", "李四").param("unit", code)
                .with(Staff.page("admin")).with(csrf())).andExpect(redirectedUrl("/admin/users"));
        String users = mvc.perform(get("/admin/users").with(Staff.page("secadmin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(users).contains("李四").contains("(" + username + ")").contains("区人民政府办公室 (" + code + ")");

        // and a person sees their own unit by its name
        String member = "member" + code.toLowerCase(Locale.ROOT);
        staff.ensure(member, "王五", code, Classification.NONE, List.of("READING_ROOM"));
        assertThat(mvc.perform(get("/account").with(Staff.page(member))).andReturn().getResponse()
                .getContentAsString()).contains("区人民政府办公室 (" + code + ")");
    }

    @Test
    void aCodeWithChineseOrSpacesIsRefusedBesideTheFieldAndNothingIsMade() throws Exception {
        for (String bad : new String[] {"区档案局", "QD AJ", "办公室01"}) {
            String page = mvc.perform(post("/admin/units").param("code", bad).param("name", "区档案局")
                    .with(Staff.page("admin")).with(csrf())).andExpect(status().isUnprocessableEntity())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("id=\"unit-code-error\"").contains("不能含汉字或空格")
                    .contains("aria-describedby=\"unit-code-error\"")
                    // what was typed stays in the form
                    .contains("value=\"" + bad + "\"");
            assertThat(exists(bad.strip())).isFalse();
        }
    }

    @Test
    void aFondsNumberThatBreaksTheRuleIsRefusedBesideItsField() throws Exception {
        String code = freshCode();
        String page = mvc.perform(post("/admin/units").param("code", code).param("name", "区教育局")
                .param("fonds", "零零一二").with(Staff.page("admin")).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"unit-fonds-error\"").contains("全宗号不合规则");
        assertThat(exists(code)).isFalse();
    }

    @Test
    void aChineseNameWithScriptIsKeptAndShownAsText() throws Exception {
        String code = freshCode();
        String hostile = "区档案局<script>alert('x')</script>";
        mvc.perform(post("/admin/units").param("code", code).param("name", hostile).with(Staff.page("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/units"));
        for (String path : new String[] {"/admin/units", "/admin/users"}) {
            String page = mvc.perform(get(path).with(Staff.page("admin"))).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).contains("区档案局&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; (" + code + ")")
                    .doesNotContain("<script>alert");
        }
    }

    @Test
    void aNewUnitsFormPostedTwiceMakesOneUnitAndSaysTheCodeIsTaken() throws Exception {
        String code = freshCode();
        mvc.perform(post("/admin/units").param("code", code).param("name", "区财政局").with(Staff.page("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/units"));
        String again = mvc.perform(post("/admin/units").param("code", code).param("name", "区财政局（重复）")
                .with(Staff.page("admin")).with(csrf())).andExpect(status().isUnprocessableEntity()).andReturn()
                .getResponse().getContentAsString();
        assertThat(again).contains("id=\"unit-code-error\"").contains("代码 " + code + " 已由机构“区财政局”使用");
        assertThat(staff.asSystemAdmin(() -> accounts.units().stream().filter(u -> u.code().equals(code)).toList()))
                .singleElement().satisfies(u -> assertThat(u.name()).isEqualTo("区财政局"));
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery("admin", "unit.define", code, null, null), 0, 10))
                .entries()).hasSize(1);
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery("admin", "unit.rename", code, null, null), 0, 10))
                .entries()).isEmpty();
    }

    @Test
    void aUnitIsRenamedFromItsRowAndTheSecurityAdministratorCannotCreateOne() throws Exception {
        String code = freshCode();
        mvc.perform(post("/admin/units").param("code", code).param("name", "区卫生局").with(Staff.page("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/units"));
        mvc.perform(post("/admin/units/" + code).param("name", "区卫生健康局").with(Staff.page("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/units"));
        assertThat(staff.asSystemAdmin(() -> accounts.units().stream().filter(u -> u.code().equals(code))
                .findFirst().orElseThrow().name())).isEqualTo("区卫生健康局");
        mvc.perform(post("/admin/units").param("code", freshCode()).param("name", "越权").with(Staff.page("secadmin"))
                .with(csrf())).andExpect(status().isForbidden());
    }
}
