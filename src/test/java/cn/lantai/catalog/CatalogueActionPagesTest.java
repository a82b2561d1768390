package cn.lantai.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.URLDecoder;

import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bulk edit, renumbering (调整件号) and export in the workbench's pages, with their bad input. */
@LantaiTest
class CatalogueActionPagesTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogRenumbering renumbering;

    @Autowired
    Staff staff;

    @Autowired
    JdbcTemplate jdbc;

    String fonds;
    Item a;
    Item b;
    Item c;

    @BeforeEach
    void aGroupOfThree() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "批量页面测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        a = catalog.create(Entries.item(fonds, 2019, "甲通知").input(), ADMIN);
        b = catalog.create(Entries.item(fonds, 2019, "乙通知").input(), ADMIN);
        c = catalog.create(Entries.item(fonds, 2019, "丙通知").input(), ADMIN);
    }

    MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(Staff.page(user)).with(csrf());
    }

    MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return as(Staff.ARCHIVIST, request);
    }

    MockHttpServletRequestBuilder ids(MockHttpServletRequestBuilder request, Item... items) {
        for (Item i : items) {
            request.param("ids", Long.toString(i.id().value()));
        }
        return request;
    }

    List<Integer> versions() {
        return jdbc.queryForList("SELECT version FROM item WHERE fonds_code = ? ORDER BY id", Integer.class, fonds);
    }

    String code(Item item) {
        return catalog.item(item.id(), ADMIN).archivalCode();
    }

    // ---- bulk edit --------------------------------------------------------------------------------------------

    @Test
    void theFormNamesTheSelectionAndOffersControlledFieldsAsChoices() throws Exception {
        mvc.perform(ids(signedIn(post("/catalogue/bulk-edit")), a, b))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已选 2 件")))
                .andExpect(content().string(containsString("<option value=\"D30\">定期30年</option>")))
                .andExpect(content().string(containsString("name=\"ids\" value=\"" + a.id().value() + "\"")));
        mvc.perform(signedIn(get("/catalogue/bulk-edit/value")).param("field", "docType"))
                .andExpect(content().string(containsString("<option value=\"请示\">请示</option>")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(signedIn(get("/catalogue/bulk-edit/value")).param("field", "notes"))
                .andExpect(content().string(containsString("type=\"text\"")));
    }

    @Test
    void aRetentionChangeIsPreviewedWithCountsAndNewCodesThenAppliedAndAgainIsHarmless() throws Exception {
        List<Integer> before = versions();
        mvc.perform(ids(signedIn(post("/catalogue/bulk-edit/preview")), a, c).param("field", "retention")
                        .param("value", "D30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("将修改 2 件")))
                .andExpect(content().string(containsString("0 件已是该值")))
                .andExpect(content().string(containsString("其中 2 件改变分组")))
                .andExpect(content().string(containsString(fonds + "-WS·2019-D30-BGS-0001")))
                .andExpect(content().string(containsString("<del>永久</del>")))
                .andExpect(content().string(containsString("确认修改 2 件")));
        assertThat(versions()).as("a preview writes nothing").isEqualTo(before);

        MockHttpServletRequestBuilder apply = ids(signedIn(post("/catalogue/bulk-edit/apply")), a, c)
                .param("field", "retention").param("value", "D30");
        mvc.perform(apply).andExpect(redirectedUrl("/catalogue/bulk-edit/done"))
                .andExpect(flash().attribute("flash", "bulk.applied"));
        assertThat(code(a)).isEqualTo(fonds + "-WS·2019-D30-BGS-0001");
        assertThat(code(c)).isEqualTo(fonds + "-WS·2019-D30-BGS-0002");
        assertThat(code(b)).as("the group left closes up").isEqualTo(fonds + "-WS·2019-Y-BGS-0001");

        List<Integer> after = versions();
        mvc.perform(ids(signedIn(post("/catalogue/bulk-edit/apply")), a, c).param("field", "retention")
                        .param("value", "D30"))
                .andExpect(redirectedUrl("/catalogue/bulk-edit/done"));
        assertThat(versions()).as("the same form posted twice changes nothing more").isEqualTo(after);
        assertThat(code(c)).isEqualTo(fonds + "-WS·2019-D30-BGS-0002");
    }

    @Test
    void aBadValueIsNamedAboveTheFormAndNothingChanges() throws Exception {
        List<Integer> before = versions();
        mvc.perform(ids(signedIn(post("/catalogue/bulk-edit/preview")), a, b).param("field", "year")
                        .param("value", "19"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("未修改任何条目")))
                .andExpect(content().string(containsString(a.archivalCode() + " 年度：年度应为4位年份")));
        mvc.perform(ids(signedIn(post("/catalogue/bulk-edit/apply")), a, b).param("field", "title").param("value", ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("必填项为空")));
        mvc.perform(signedIn(post("/catalogue/bulk-edit/preview")).param("field", "notes").param("value", "x"))
                .andExpect(content().string(containsString("未选择条目")));
        mvc.perform(ids(signedIn(post("/catalogue/bulk-edit/apply")), a).param("field", "itemNo").param("value", "9"))
                .andExpect(status().isBadRequest());
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aScriptTypedAsTheValueIsShownAsText() throws Exception {
        mvc.perform(ids(signedIn(post("/catalogue/bulk-edit/preview")), a).param("field", "notes")
                        .param("value", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @Test
    void anEditBeyondTheEditorsReachIsRefusedNeutrallyAndNothingChanges() throws Exception {
        staff.ensure("c2clerk", "著录员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item secret = catalog.create(Entries.item(fonds, 2019, "机密通知").with(DescriptionField.CLASSIFICATION, "机密")
                .input(), ADMIN);
        List<Integer> before = versions();
        mvc.perform(ids(as("c2clerk", post("/catalogue/bulk-edit/preview")), a, secret).param("field", "notes")
                        .param("value", "已核"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("所选条目中有不存在或无权修改的记录")))
                .andExpect(content().string(not(containsString("机密通知"))));
        mvc.perform(ids(as("c2clerk", post("/catalogue/bulk-edit/apply")), a, secret).param("field", "notes")
                        .param("value", "已核"))
                .andExpect(status().isForbidden());
        // 机密 is above the clerk's clearance (秘密)
        mvc.perform(ids(as("c2clerk", post("/catalogue/bulk-edit/apply")), a).param("field", "classification")
                        .param("value", "SECRET"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("超出本人的密级")));
        // moving her record out of a group that holds one she may not read would renumber that one: refused
        mvc.perform(ids(as("c2clerk", post("/catalogue/bulk-edit/preview")), a).param("field", "retention")
                        .param("value", "D30"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("无权在此组中著录或调整")));
        mvc.perform(ids(as("c2clerk", post("/catalogue/bulk-edit/apply")), a).param("field", "retention")
                        .param("value", "D30"))
                .andExpect(status().isForbidden());
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void fiveHundredItemsByFilterArePreviewedAndEditedAtOnce() throws Exception {
        for (int i = 0; i < 497; i++) {
            catalog.create(Entries.item(fonds, 2019, "五百件之" + i).input(), ADMIN);
        }
        mvc.perform(signedIn(post("/catalogue/bulk-edit/preview")).param("all", "true").param("fonds", fonds)
                        .param("year", "2019").param("field", "carrier").param("value", "纸质"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已选 500 件")))
                .andExpect(content().string(containsString("将修改 500 件")));
        mvc.perform(signedIn(post("/catalogue/bulk-edit/apply")).param("all", "true").param("fonds", fonds)
                        .param("year", "2019").param("field", "carrier").param("value", "纸质"))
                .andExpect(redirectedUrl("/catalogue/bulk-edit/done"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item WHERE fonds_code = ? AND carrier = '纸质'",
                Integer.class, fonds)).isEqualTo(500);
    }

    @Test
    void theApiPreviewAnswersTheCounts() throws Exception {
        mvc.perform(post("/api/v1/items/bulk-edit/preview").with(Staff.archivist())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\":[" + a.id() + "," + b.id() + "],\"set\":{\"openStatus\":\"开放\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.selected").value(2))
                .andExpect(jsonPath("$.changing").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
    }

    // ---- renumbering ------------------------------------------------------------------------------------------

    MockHttpServletRequestBuilder group(MockHttpServletRequestBuilder request) {
        return request.param("fonds", fonds).param("category", "WS").param("year", "2019").param("retention", "Y")
                .param("org", "BGS");
    }

    static String state(String html) {
        Matcher m = Pattern.compile("name=\"state\" value=\"([0-9a-f]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void typedNumbersArePreviewedOldToNewAndApplied() throws Exception {
        String html = mvc.perform(group(signedIn(get("/catalogue/renumber"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"no." + c.id().value() + "\" value=\"3\"")))
                .andReturn().getResponse().getContentAsString();
        String state = state(html);
        mvc.perform(group(signedIn(post("/catalogue/renumber/preview"))).param("state", state)
                        .param("no." + a.id().value(), "2").param("no." + b.id().value(), "3")
                        .param("no." + c.id().value(), "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 件的档号将改变")))
                .andExpect(content().string(containsString("name=\"order\" value=\"" + c.id().value() + "\"")));
        assertThat(code(a)).endsWith("-0001");

        MockHttpServletRequestBuilder apply = group(signedIn(post("/catalogue/renumber/apply"))).param("state", state)
                .param("order", Long.toString(c.id().value()), Long.toString(a.id().value()),
                        Long.toString(b.id().value()));
        mvc.perform(apply).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "renumber.done"));
        assertThat(List.of(code(c), code(a), code(b))).containsExactly(fonds + "-WS·2019-Y-BGS-0001",
                fonds + "-WS·2019-Y-BGS-0002", fonds + "-WS·2019-Y-BGS-0003");

        // posted twice: the group stands in that order already, so nothing changes and nothing is refused
        List<Integer> after = versions();
        mvc.perform(group(signedIn(post("/catalogue/renumber/apply"))).param("state", state)
                        .param("order", Long.toString(c.id().value()), Long.toString(a.id().value()),
                                Long.toString(b.id().value())))
                .andExpect(status().is3xxRedirection());
        assertThat(versions()).isEqualTo(after);
    }

    @Test
    void aNumberTypedTwiceOrOutOfRangeIsNamedBesideItsField() throws Exception {
        String state = renumbering.group(fonds, "WS", 2019, Retention.PERMANENT, "BGS", null, ADMIN).state();
        String html = mvc.perform(group(signedIn(post("/catalogue/renumber/preview"))).param("state", state)
                        .param("no." + a.id().value(), "2").param("no." + b.id().value(), "2")
                        .param("no." + c.id().value(), "七"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("件号 2 填了不止一次")))
                .andExpect(content().string(containsString("应为 1 至 3 之间的整数")))
                .andExpect(content().string(containsString("aria-describedby=\"no-" + c.id().value() + "-error\"")))
                .andExpect(content().string(containsString("value=\"七\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("确认调整");
        assertThat(code(a)).endsWith("-0001");
    }

    @Test
    void aRenumberingFromAStaleViewIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        String state = state(mvc.perform(group(signedIn(get("/catalogue/renumber")))).andReturn().getResponse()
                .getContentAsString());
        catalog.create(Entries.item(fonds, 2019, "他人新增的通知").input(), ADMIN);
        List<Integer> before = versions();
        mvc.perform(group(signedIn(post("/catalogue/renumber/apply"))).param("state", state)
                        .param("order", Long.toString(c.id().value()), Long.toString(a.id().value())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该组已被他人修改，请刷新后重试")))
                .andExpect(content().string(containsString("他人新增的通知")));
        mvc.perform(group(signedIn(post("/catalogue/renumber/preview"))).param("state", state)
                        .param("no." + a.id().value(), "2"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该组已被他人修改，请刷新后重试")));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aGroupHoldingARecordBeyondSightIsNotShownForRenumbering() throws Exception {
        staff.ensure("c2clerk", "著录员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        catalog.create(Entries.item(fonds, 2019, "机密通知").with(DescriptionField.CLASSIFICATION, "机密").input(), ADMIN);
        mvc.perform(group(as("c2clerk", get("/catalogue/renumber"))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("甲通知"))));
    }

    // ---- export -----------------------------------------------------------------------------------------------

    /** A download: the streamed body is written on the async dispatch. */
    MockHttpServletResponse download(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse();
    }

    @Test
    void theChosenRowsAreExportedUnderAChineseFileName() throws Exception {
        MockHttpServletResponse chosen = download(ids(signedIn(get("/catalogue/export")), a, c).param("format", "csv"));
        assertThat(chosen.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
        assertThat(URLDecoder.decode(chosen.getHeader("Content-Disposition"), StandardCharsets.UTF_8))
                .contains("著录目录-所选2件-").contains(".csv");
        assertThat(chosen.getContentAsString(StandardCharsets.UTF_8)).contains("甲通知").contains("丙通知")
                .doesNotContain("乙通知");

        MockHttpServletResponse byFilter = download(signedIn(get("/catalogue/export")).param("all", "true")
                .param("fonds", fonds).param("format", "xlsx"));
        assertThat(URLDecoder.decode(byFilter.getHeader("Content-Disposition"), StandardCharsets.UTF_8))
                .contains("著录目录-" + fonds + "-").contains(".xlsx");

        MockHttpServletResponse api = download(get("/api/v1/exports").with(Staff.archivist()).param("format", "csv")
                .param("ids", Long.toString(b.id().value())));
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("乙通知").doesNotContain("甲通知");
        Integer audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'catalog.export' "
                + "AND target LIKE ?", Integer.class, "%" + a.id().value() + "%");
        assertThat(audited).isPositive();
    }

    @Test
    void anExportWithNothingChosenIsABadRequest() throws Exception {
        mvc.perform(signedIn(get("/catalogue/export")).param("format", "csv")).andExpect(status().isBadRequest());
    }
}
