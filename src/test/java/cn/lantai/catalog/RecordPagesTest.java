package cn.lantai.catalog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Records in the workbench's pages: a new item, files (卷) and a delete that shows its close-up first. */
@LantaiTest
class RecordPagesTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);
    static final String WRITER = "bwriter";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogVolumes volumes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Staff staff;

    String fonds;

    @BeforeEach
    void aFonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "页面测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    MockHttpServletRequestBuilder as(String person, MockHttpServletRequestBuilder request) {
        return request.with(Staff.page(person));
    }

    MockHttpServletRequestBuilder archivist(MockHttpServletRequestBuilder request) {
        return as(Staff.ARCHIVIST, request);
    }

    Item item(int year, String title) {
        return catalog.create(Entries.item(fonds, year, title).input(), ADMIN);
    }

    int count(int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM item WHERE fonds_code = ? AND filing_year = ?", Integer.class,
                fonds, year);
    }

    static String token(String html) {
        Matcher m = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the form's token").isTrue();
        return m.group(1);
    }

    MockHttpServletRequestBuilder newItem(MockHttpSession session, String token, String title) {
        return archivist(post("/items/new")).session(session).with(csrf()).param("formToken", token)
                .param("fonds", fonds).param("category", "WS").param("year", "2019").param("retention", "Y")
                .param("org", "BGS").param("itemNo", "3").param("title", title).param("date", "2019-05-06")
                .param("creator", "区人民政府办公室").param("openStatus", "OPEN").param("carrier", "纸质");
    }

    // ---- a new item ---------------------------------------------------------------------------------------

    @Test
    void theNewItemFormProposesTheNextFreeNumberAndShowsTheCodeAsItWillBe() throws Exception {
        item(2019, "第一件");
        item(2019, "第二件");
        String html = mvc.perform(archivist(get("/items/new")).param("fonds", fonds).param("category", "WS")
                        .param("year", "2019").param("org", "BGS"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(ItemPagesTest.fieldBlock(html, "f-itemNo")).contains("value=\"3\"");
        assertThat(html).contains(fonds + "-WS·2019-Y-BGS-0003").contains("下一个空号为 3")
                .contains("<select id=\"f-carrier\"").contains("<select id=\"f-language\"")
                .contains("<select id=\"f-docType\"").contains("<select id=\"f-retention\"");

        // another year: the server proposes that group's number and writes its code
        mvc.perform(archivist(post("/items/new/parts")).with(csrf()).header("HX-Request", "true")
                        .param("fonds", fonds).param("category", "WS").param("year", "2020").param("retention", "Y")
                        .param("org", "BGS").param("itemNo", "3")
                        .param("proposedFor", fonds + "|WS|2019|Y|BGS").param("fieldsOf", "WS"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString(fonds + "-WS·2020-Y-BGS-0001")))
                .andExpect(content().string(containsString("id=\"item-no\" hx-swap-oob=\"true\"")));
        // a number typed in the same group is kept and shown
        mvc.perform(archivist(post("/items/new/parts")).with(csrf()).header("HX-Request", "true")
                        .param("fonds", fonds).param("category", "WS").param("year", "2019").param("retention", "Y")
                        .param("org", "BGS").param("itemNo", "2")
                        .param("proposedFor", fonds + "|WS|2019|Y|BGS").param("fieldsOf", "WS"))
                .andExpect(content().string(containsString(fonds + "-WS·2019-Y-BGS-0002")))
                .andExpect(content().string(not(containsString("id=\"item-no\""))));
    }

    @Test
    void theCategorysOwnFieldsAppearAndFollowTheChosenCategory() throws Exception {
        catalog.defineCategory(new Category("HR", "婚姻登记", List.of(
                new FieldDefinition("groomName", "男方姓名", FieldDefinition.Type.TEXT, 50, true, null),
                new FieldDefinition("kind", "登记类别", FieldDefinition.Type.CHOICE, null, false,
                        List.of("结婚", "离婚")))), Viewer.system());
        String html = mvc.perform(archivist(get("/items/new")).param("fonds", fonds).param("category", "HR")
                .param("year", "1985")).andReturn().getResponse().getContentAsString();
        assertThat(ItemPagesTest.fieldBlock(html, "f-x_groomName")).contains("男方姓名").contains("aria-required");
        assertThat(ItemPagesTest.fieldBlock(html, "f-x_kind")).contains("<select").contains(">离婚</option>");
        // choosing another category swaps its fields in beside the new code
        mvc.perform(archivist(post("/items/new/parts")).with(csrf()).header("HX-Request", "true")
                        .param("fonds", fonds).param("category", "WS").param("year", "1985").param("retention", "Y")
                        .param("proposedFor", fonds + "|HR|1985|Y|").param("fieldsOf", "HR"))
                .andExpect(content().string(containsString("id=\"extra-fields\"")))
                .andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
                .andExpect(content().string(not(containsString("男方姓名"))))
                .andExpect(content().string(containsString(fonds + "-WS·1985-Y-0001")));
    }

    @Test
    void aNewItemIsCreatedAndTheSameFormSentTwiceCreatesNoSecond() throws Exception {
        item(2019, "第一件");
        item(2019, "第二件");
        MockHttpSession session = new MockHttpSession();
        String token = token(mvc.perform(archivist(get("/items/new")).session(session).param("fonds", fonds)
                .param("category", "WS").param("year", "2019")).andReturn().getResponse().getContentAsString());

        String created = mvc.perform(newItem(session, token, "关于新建条目的通知"))
                .andExpect(redirectedUrlPattern("/items/*"))
                .andExpect(flash().attribute("flash", "item.new.created"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(newItem(session, token, "关于新建条目的通知"))
                .andExpect(redirectedUrl(created))
                .andExpect(flash().attribute("flash", "item.new.sent-twice"));

        assertThat(count(2019)).isEqualTo(3);
        Item item = catalog.item(new ItemId(Long.parseLong(created.substring("/items/".length()))), ADMIN);
        assertThat(item.archivalCode()).isEqualTo(fonds + "-WS·2019-Y-BGS-0003");
        assertThat(item.description().get(DescriptionField.CARRIER)).isEqualTo("纸质");
        // a form without a token the session issued creates nothing either
        mvc.perform(newItem(session, "forged", "关于另一件的通知"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("表单已失效")));
        assertThat(count(2019)).isEqualTo(3);
    }

    @Test
    void aNumberTakenMeanwhileIsSaidAboveTheFormAndNothingIsCreated() throws Exception {
        item(2019, "第一件");
        item(2019, "第二件");
        MockHttpSession session = new MockHttpSession();
        String token = token(mvc.perform(archivist(get("/items/new")).session(session).param("fonds", fonds)
                .param("category", "WS").param("year", "2019")).andReturn().getResponse().getContentAsString());
        item(2019, "他人先著录的第三件");

        mvc.perform(newItem(session, token, "关于新建条目的通知"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已存在")));
        assertThat(count(2019)).isEqualTo(3);
    }

    @Test
    void scriptInEveryTextFieldIsShownAsText() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String token = token(mvc.perform(archivist(get("/items/new")).session(session)).andReturn().getResponse()
                .getContentAsString());
        var request = archivist(post("/items/new")).session(session).with(csrf()).param("formToken", token)
                .param("fonds", fonds).param("category", "WS").param("year", SCRIPT).param("retention", "Y")
                .param("itemNo", SCRIPT).param("org", SCRIPT).param("volume", SCRIPT).param("date", SCRIPT);
        for (DescriptionField f : DescriptionField.values()) {
            if (f.kind() == DescriptionField.Kind.TEXT && f != DescriptionField.FONDS
                    && f != DescriptionField.CATEGORY && f != DescriptionField.ORG) {
                request.param(f.key(), SCRIPT);
            }
        }
        String html = mvc.perform(request).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert(1)").contains(ESCAPED);
        assertThat(ItemPagesTest.fieldBlock(html, "f-title")).contains("value=\"" + ESCAPED + "\"");
        assertThat(ItemPagesTest.fieldBlock(html, "f-carrier")).contains("aria-invalid=\"true\"");

        Volume file = volumes.create(new NewVolume(fonds, "WS", 1988, "Y", "BGS", SCRIPT + "的卷", null, "开放", null),
                ADMIN);
        for (String page : List.of("/volumes/" + file.id(), "/volumes?fonds=" + fonds + "&category=WS&year=1988&org=BGS")) {
            mvc.perform(archivist(get(page)))
                    .andExpect(content().string(not(containsString("<script>alert(1)"))))
                    .andExpect(content().string(containsString(ESCAPED)));
        }
        mvc.perform(archivist(post("/volumes/" + file.id())).with(csrf()).param("title", SCRIPT)
                        .param("startDate", SCRIPT).param("endDate", ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("value=\"" + ESCAPED + "\"")));
    }

    @Test
    void aGroupBeyondTheEditorsReachGetsTheNeutralRefusalAndNothingIsCreatedOrDeleted() throws Exception {
        staff.ensure(WRITER, "秘密级著录员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item mine = item(2019, "她可以看的");
        catalog.create(Entries.item(fonds, 2019, "机密的").with(DescriptionField.CLASSIFICATION, "机密").input(), ADMIN);
        MockHttpSession session = new MockHttpSession();
        String html = mvc.perform(as(WRITER, get("/items/new")).session(session).param("fonds", fonds)
                .param("category", "WS").param("year", "2019").param("org", "BGS"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // no number proposed: it would speak of the record she may not read
        assertThat(html).contains("件号在保存时分配").doesNotContain("下一个空号");
        assertThat(ItemPagesTest.fieldBlock(html, "f-itemNo")).contains("value=\"\"");

        mvc.perform(as(WRITER, post("/items/new")).session(session).with(csrf()).param("formToken", token(html))
                        .param("fonds", fonds).param("category", "WS").param("year", "2019").param("retention", "Y")
                        .param("org", "BGS").param("title", "越权的条目").param("date", "2019-05-06")
                        .param("creator", "区人民政府办公室").param("openStatus", "OPEN"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("无权在此组中著录或调整")))
                .andExpect(content().string(containsString("越权的条目")));
        assertThat(count(2019)).isEqualTo(2);

        mvc.perform(as(WRITER, get("/items/" + mine.id().value() + "/delete"))).andExpect(status().isForbidden());
        mvc.perform(as(WRITER, post("/items/" + mine.id().value() + "/delete")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(count(2019)).isEqualTo(2);
    }

    @Test
    void theEditFormOffersControlledVocabulariesAsChoicesKeepingAnOlderValue() throws Exception {
        Item item = item(2019, "第一件");
        jdbc.update("UPDATE item SET doc_type = '布告' WHERE id = ?", item.id().value());
        String html = mvc.perform(archivist(get("/items/" + item.id().value() + "/edit")))
                .andReturn().getResponse().getContentAsString();
        assertThat(ItemPagesTest.fieldBlock(html, "f-carrier")).contains("<select").contains(">纸质</option>");
        assertThat(ItemPagesTest.fieldBlock(html, "f-docType")).contains("<select")
                .contains("<option value=\"布告\" selected=\"selected\">布告</option>").contains(">请示</option>");
        assertThat(ItemPagesTest.fieldBlock(html, "f-language")).contains("<select").contains(">汉语</option>");
    }

    // ---- delete with the close-up shown first ------------------------------------------------------------

    @Test
    void deletingShowsWhichCodesChangeFirstAndThenClosesUpTheGroup() throws Exception {
        Item first = item(2019, "第一件");
        Item second = item(2019, "第二件");
        Item third = item(2019, "第三件");
        String html = mvc.perform(archivist(get("/items/" + first.id().value() + "/delete")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(second.archivalCode()).contains(third.archivalCode())
                .contains("<td class=\"code\">" + first.archivalCode() + "</td>");
        assertThat(count(2019)).isEqualTo(3);

        mvc.perform(archivist(post("/items/" + first.id().value() + "/delete")).with(csrf()))
                .andExpect(redirectedUrlPattern("/catalogue?fonds=" + fonds + "&category=WS&year=2019"))
                .andExpect(flash().attribute("flash", "item.deleted"));
        assertThat(catalog.item(second.id(), ADMIN).archivalCode()).isEqualTo(first.archivalCode());
        assertThat(catalog.item(third.id(), ADMIN).archivalCode()).isEqualTo(second.archivalCode());
    }

    // ---- files (卷) -----------------------------------------------------------------------------------------

    @Test
    void aFileIsCreatedRetitledAndListedInItsGroup() throws Exception {
        String created = mvc.perform(archivist(post("/volumes")).with(csrf()).param("fonds", fonds)
                        .param("category", "WS").param("year", "1988").param("retention", "Y").param("org", "BGS")
                        .param("title", "1988年办公室文件").param("startDate", "1988-01-04").param("endDate", "1988-12-30"))
                .andExpect(redirectedUrlPattern("/volumes/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(archivist(get("/volumes")).param("fonds", fonds).param("category", "WS").param("year", "1988")
                        .param("org", "BGS"))
                .andExpect(content().string(containsString(fonds + "-WS·1988-Y-BGS-0001")))
                .andExpect(content().string(containsString("1988-01-04 – 1988-12-30")));
        mvc.perform(archivist(post(created)).with(csrf()).param("title", "改题名").param("startDate", "1988-12-30")
                        .param("endDate", "1988-01-04"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("终止日期早于起始日期")));
        mvc.perform(archivist(post(created)).with(csrf()).param("title", "改题名").param("startDate", "1988-01-04")
                        .param("endDate", "1988-06-30"))
                .andExpect(redirectedUrl(created));
        mvc.perform(archivist(get(created))).andExpect(content().string(containsString("改题名")));
    }

    @Test
    void aFileOfAGroupOfLooseItemsIsRefusedWithTheReason() throws Exception {
        item(2019, "散件");
        mvc.perform(archivist(post("/volumes")).with(csrf()).param("fonds", fonds).param("category", "WS")
                        .param("year", "2019").param("retention", "Y").param("org", "BGS").param("title", "卷"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("该分组已按件整理")));
    }

    @Test
    void itemsMoveBetweenFilesAndANonEmptyFileOrAnotherGroupsItemIsRefusedWithTheReason() throws Exception {
        Volume one = volumes.create(new NewVolume(fonds, "WS", 1988, "Y", "BGS", "第一卷", null, "开放", null), ADMIN);
        Volume two = volumes.create(new NewVolume(fonds, "WS", 1988, "Y", "BGS", "第二卷", null, "开放", null), ADMIN);
        Item a = catalog.create(Entries.item(fonds, 1988, "甲").with(DescriptionField.VOLUME, "2").input(), ADMIN);
        Item loose = item(2019, "另一分组的散件");

        mvc.perform(archivist(get("/volumes/" + one.id())))
                .andExpect(content().string(containsString(a.archivalCode())))
                .andExpect(content().string(containsString("name=\"item\" value=\"" + a.id().value() + "\"")));
        mvc.perform(archivist(post("/volumes/" + one.id() + "/items")).with(csrf())
                        .param("item", Long.toString(a.id().value())))
                .andExpect(redirectedUrl("/volumes/" + one.id()));
        assertThat(catalog.item(a.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0001-0001");

        mvc.perform(archivist(post("/volumes/" + one.id() + "/items")).with(csrf())
                        .param("item", Long.toString(loose.id().value())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("不属于案卷 " + one.archivalCode() + " 所在的分组")));
        assertThat(catalog.item(loose.id(), ADMIN).archivalCode()).isEqualTo(loose.archivalCode());

        mvc.perform(archivist(post("/volumes/" + one.id() + "/delete")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("还有 1 件条目，不能删除")));

        mvc.perform(archivist(post("/volumes/" + one.id() + "/items/" + a.id().value() + "/remove")).with(csrf())
                        .param("to", Long.toString(two.id())))
                .andExpect(redirectedUrl("/volumes/" + one.id()));
        mvc.perform(archivist(post("/volumes/" + one.id() + "/delete")).with(csrf()))
                .andExpect(redirectedUrlPattern("/volumes?fonds=" + fonds + "*"));
        assertThat(catalog.item(a.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0001-0001");
        assertThat(volumes.volumes(fonds, "WS", 1988, Retention.PERMANENT, "BGS", ADMIN)).extracting(Volume::title)
                .containsExactly("第二卷");
    }
}
