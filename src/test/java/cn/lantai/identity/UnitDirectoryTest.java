package cn.lantai.identity;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Classification;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The district's units as accession needs them, from identity's one registry: the units forming a fonds, their
 * contact kept by the system administrator (and audited), their archivists, and the unit of a login.
 */
@LantaiTest
class UnitDirectoryTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountManagement accounts;
    @Autowired
    AuditTrail trail;

    @Test
    void aContactSavedOnTheUnitsPageIsShownInItsRowAndGivenToAccession() throws Exception {
        String unit = "U" + staff.unitWithFonds("区民政局");
        mvc.perform(post("/admin/units/{c}/contact", unit).param("person", " 张三 ")
                .param("phone", "0571-8888 8888 转 123、13800000000").param("address", "区府路 1 号 3 楼")
                .with(Staff.page("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/units")).andExpect(flash().attribute("flash", "admin.saved"));

        String page = mvc.perform(get("/admin/units").with(Staff.page("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("张三", "0571-8888 8888 转 123、13800000000", "区府路 1 号 3 楼", "保存联系人");
        assertThat(staff.asSystemAdmin(() -> units.unit(unit))).hasValueSatisfying(u -> {
            assertThat(u.contact()).isEqualTo(new UnitContact("张三", "0571-8888 8888 转 123、13800000000",
                    "区府路 1 号 3 楼"));
            assertThat(u.name()).isEqualTo("区民政局");
            assertThat(u.formsFonds()).isTrue();
        });
        String english = mvc.perform(get("/admin/units").header("Accept-Language", "en").with(Staff.page("admin")))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Save contact", "Contact person");
    }

    @Test
    void aContactWithMarkupIsKeptAsTextAndShownEscaped() throws Exception {
        String unit = "U" + staff.unitWithFonds("区财政局");
        mvc.perform(post("/admin/units/{c}/contact", unit).param("person", "<script>alert('x')</script>")
                .param("phone", "").param("address", "<b onmouseover=alert(1)>路</b>")
                .with(Staff.page("admin")).with(csrf())).andExpect(redirectedUrl("/admin/units"));

        String page = mvc.perform(get("/admin/units").with(Staff.page("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("<b onmouseover");
        assertThat(staff.asSystemAdmin(() -> units.unit(unit).orElseThrow().contact().phone())).isNull();
    }

    @Test
    void anOversizedOrMalformedContactIsRefusedWithWhyAndNothingIsKept() throws Exception {
        String unit = "U" + staff.unitWithFonds("区教育局");
        String[][] refused = {
            {"person", "长".repeat(10_000), "最多 50 字"},
            {"address", "路".repeat(10_000), "最多 200 字"},
            {"phone", "9".repeat(10_000), "最多 40 个字符"},
            {"phone", "call me maybe", "须含数字"},
            {"phone", "转分机", "须含数字"},
            {"phone", "0571<script>", "须含数字"},
            {"person", "张三\u0000", "控制字符"},
            {"address", "区府路\n1 号", "控制字符"},
        };
        for (String[] bad : refused) {
            mvc.perform(post("/admin/units/{c}/contact", unit).param(bad[0], bad[1]).with(Staff.page("admin"))
                    .with(csrf())).andExpect(redirectedUrl("/admin/units"))
                    .andExpect(flash().attribute("problem", containsString(bad[2])));
        }
        assertThat(staff.asSystemAdmin(() -> units.unit(unit).orElseThrow().contact())).isEqualTo(UnitContact.NONE);
        assertThat(contactChanges(unit)).isEmpty();
        // the longest of each is kept
        UnitContact longest = new UnitContact("长".repeat(50), "+86 (571) 8888-8888 转 12345, 13800000000",
                "路".repeat(200));
        assertThat(longest.phone()).hasSizeLessThanOrEqualTo(40);
        assertThat(staff.asSystemAdmin(() -> units.changeContact(unit, longest))).isEqualTo(longest);
        // an unknown unit is said so
        mvc.perform(post("/admin/units/{c}/contact", "NO-SUCH-UNIT").param("person", "张三")
                .with(Staff.page("admin")).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("没有这个机构")));
    }

    @Test
    void aContactChangeIsInTheTrailWithBeforeAndAfterAndOnlyTheSystemAdministratorMakesOne() {
        String unit = "U" + staff.unitWithFonds("区卫健局");
        staff.asSystemAdmin(() -> units.changeContact(unit, new UnitContact("王五", "88880000", null)));
        staff.asSystemAdmin(() -> units.changeContact(unit, new UnitContact("赵六", "88880000", "区府路 2 号")));
        // saving the same again changes nothing and records nothing
        staff.asSystemAdmin(() -> units.changeContact(unit, new UnitContact(" 赵六", "88880000 ", "区府路 2 号")));

        List<AuditEntry> changes = contactChanges(unit);
        assertThat(changes).hasSize(2);
        AuditEntry latest = changes.get(0);
        assertThat(latest.actor()).isEqualTo("admin");
        assertThat(latest.before()).contains("王五");
        assertThat(latest.after()).contains("赵六", "区府路 2 号");

        assertThatThrownBy(() -> staff.asSecurityAdmin(() -> units.changeContact(unit, UnitContact.NONE)))
                .isInstanceOf(AccessDeniedException.class);
        String clerk = "clerk" + unit.toLowerCase(Locale.ROOT);
        staff.ensure(clerk, "书记员", unit, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        assertThatThrownBy(() -> staff.as(clerk, () -> units.changeContact(unit, UnitContact.NONE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(contactChanges(unit)).hasSize(2);
    }

    @Test
    void aUnitsArchivistsAreItsAccountsThatMayPrepareTransfers() {
        String fonds = staff.unitWithFonds("区住建局");
        String unit = "U" + fonds;
        String other = "U" + staff.unitWithFonds("区水利局");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String archivist = "ua" + tag;
        String reader = "rr" + tag;
        String elsewhere = "ue" + tag;
        String leaver = "ul" + tag;
        staff.ensure(archivist, "档案员甲", unit, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        staff.ensure(reader, "利用员乙", unit, Classification.NONE, List.of("READING_ROOM"));
        staff.ensure(elsewhere, "档案员丙", other, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        staff.ensure(leaver, "档案员丁", unit, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        staff.asSystemAdmin(() -> {
            accounts.disable(leaver);
            return null;
        });

        assertThat(staff.asSystemAdmin(() -> units.archivistsOf(unit)))
                .containsExactly(new AccountRef(archivist, "档案员甲"));
        assertThat(staff.asSystemAdmin(() -> units.archivistsOf("NO-SUCH-UNIT"))).isEmpty();
        String receiver = "rc" + tag;
        staff.ensure(receiver, "接收员", null, Classification.NONE, List.of("RECEIVING"));
        assertThat(staff.as(receiver, () -> units.archivistsOf(other)))
                .containsExactly(new AccountRef(elsewhere, "档案员丙"));
        // names of people: not for anyone signed in
        assertThatThrownBy(() -> staff.as(reader, () -> units.archivistsOf(unit)))
                .isInstanceOf(AccessDeniedException.class);

        // the unit of a login: one's own, or anyone's for the receiving staff
        assertThat(staff.as(archivist, () -> units.unitOf(archivist))).contains(unit);
        assertThat(staff.as(receiver, () -> units.unitOf(elsewhere))).contains(other);
        assertThat(staff.as(receiver, () -> units.unitOf(receiver))).isEmpty();
        assertThat(staff.as(receiver, () -> units.unitOf("nobody-" + tag))).isEmpty();
        assertThatThrownBy(() -> staff.as(reader, () -> units.unitOf(archivist)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theFormingUnitsAreThoseWithAFonds() {
        String forming = "U" + staff.unitWithFonds("区审计局");
        String office = "O" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        staff.asSystemAdmin(() -> accounts.defineUnit(new OrgUnit(office, "区审计局办公室", forming, null)));
        staff.confirmPending(office);

        List<UnitProfile> formingUnits = staff.asSystemAdmin(() -> units.formingUnits());
        assertThat(formingUnits).extracting(UnitProfile::code).contains(forming).doesNotContain(office);
        assertThat(formingUnits).allSatisfy(u -> assertThat(u.fonds()).isNotBlank());
        assertThat(staff.asSystemAdmin(() -> units.unit(office))).hasValueSatisfying(u -> {
            assertThat(u.formsFonds()).isFalse();
            assertThat(u.parent()).isEqualTo(forming);
        });
        assertThat(staff.asSystemAdmin(() -> units.unit(null))).isEmpty();
        assertThat(staff.asSystemAdmin(() -> units.unit("' OR 1=1 --"))).isEmpty();
    }

    private List<AuditEntry> contactChanges(String unit) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(null, "unit.contact", unit, null, null), 0, 10))
                .entries();
    }
}
