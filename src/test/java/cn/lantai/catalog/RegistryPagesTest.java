package cn.lantai.catalog;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.lantai.catalog.FieldDefinition.Type;
import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.OrgUnit;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue's set-up in the workbench (全宗与门类): fonds registered and changed, categories defined with fields
 * of their own, each refusal beside its input with nothing saved, and the same refusals through the API.
 */
@LantaiTest
class RegistryPagesTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final Viewer ADMIN = Viewer.staff("registrar", Classification.TOP_SECRET, true);

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogRegistry registry;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    Staff staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountManagement accounts;

    /**
     * Codes that tests define under fixed names, with fields of their own: a random code must not take one of them
     * first, or the later test's definition meets records it does not expect.
     */
    private static final java.util.Set<String> FIXED_IN_TESTS = java.util.Set.of("WS", "HS", "HY", "HL", "HR", "SW", "QT", "ZP");

    /** A category code nobody has defined yet (two capital letters; tests share one database). */
    static String freshCategory(CatalogRegistry registry) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        while (true) {
            String code = "" + letters.charAt(ThreadLocalRandom.current().nextInt(26))
                    + letters.charAt(ThreadLocalRandom.current().nextInt(26));
            if (!FIXED_IN_TESTS.contains(code)
                    && registry.categories().stream().noneMatch(c -> c.code().equals(code))) {
                return code;
            }
        }
    }

    static MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.with(Staff.page(Staff.ARCHIVIST));
    }

    static MockHttpServletRequestBuilder fondsForm(String code, String name) {
        return signedIn(post("/fonds/new")).with(csrf()).param("code", code).param("name", name);
    }

    // ---- fonds ----------------------------------------------------------------------------------------------

    @Test
    void aFondsIsRegisteredWithItsUnitAndYearsAndListed() throws Exception {
        String code = Catalogues.freshFonds();
        staff.asSystemAdmin(() -> accounts.defineUnit(new OrgUnit("R" + code, "区民政局", null, null)));
        mvc.perform(signedIn(get("/fonds/new")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("区民政局（R" + code + "）")));
        mvc.perform(fondsForm(code, "区民政局").param("unit", "R" + code).param("startYear", "1980")
                        .param("endYear", "2019").param("notes", "1980年建局"))
                .andExpect(redirectedUrl("/fonds"))
                .andExpect(flash().attribute("flash", "registry.fonds.saved"));
        assertThat(registry.fonds(code)).contains(new Fonds(code, "区民政局", "R" + code, 1980, 2019, "1980年建局"));
        mvc.perform(signedIn(get("/fonds")))
                .andExpect(content().string(containsString("1980–2019")))
                .andExpect(content().string(containsString("href=\"/fonds/" + code + "/edit\"")));
    }

    @Test
    void aFondsIsChangedFromItsEditFormButNotItsCode() throws Exception {
        String code = Catalogues.freshFonds();
        registry.saveFonds(new Fonds(code, "旧名"), CatalogRegistry.Intent.NEW, ADMIN);
        mvc.perform(signedIn(get("/fonds/" + code + "/edit")))
                .andExpect(content().string(containsString("value=\"旧名\"")))
                .andExpect(content().string(containsString("readonly")));
        mvc.perform(signedIn(post("/fonds/" + code + "/edit")).with(csrf()).param("code", "ZZZZ")
                        .param("name", "新名").param("startYear", "1990"))
                .andExpect(redirectedUrl("/fonds"));
        assertThat(registry.fonds(code)).contains(new Fonds(code, "新名", null, 1990, null, null));
        assertThat(registry.fonds("ZZZZ")).isEmpty();
    }

    @Test
    void aFondsNumberAlreadyRegisteredIsRefusedBesideItsField() throws Exception {
        String code = Catalogues.freshFonds();
        registry.saveFonds(new Fonds(code, "先登记的全宗"), CatalogRegistry.Intent.NEW, ADMIN);
        String html = mvc.perform(fondsForm(code, "后来的全宗"))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(block(html, "fonds-code")).contains("aria-invalid=\"true\"")
                .contains("全宗号 " + code + " 已登记（先登记的全宗）");
        assertThat(html).contains("value=\"后来的全宗\"");
        assertThat(registry.fonds(code).orElseThrow().name()).isEqualTo("先登记的全宗");
    }

    @Test
    void aFondsNumberThatBreaksTheArchivalCodeRulesIsRefusedWithEveryOtherProblem() throws Exception {
        String html = mvc.perform(fondsForm("12a", "").param("startYear", "2019").param("endYear", "1990"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(block(html, "fonds-code")).contains("全宗号应为4位字母或数字");
        assertThat(block(html, "fonds-name")).contains("必填项为空");
        assertThat(block(html, "fonds-end")).contains("终止年度早于起始年度 2019");
        assertThat(html).contains("<a href=\"#fonds-code\">全宗号</a>").contains("<a href=\"#fonds-end\">终止年度</a>");
        assertThat(registry.fonds("12a")).isEmpty();
    }

    @Test
    void aYearThatIsNoNumberIsShownAsTypedAndNothingIsSaved() throws Exception {
        String code = Catalogues.freshFonds();
        String html = mvc.perform(fondsForm(code, "年度测试").param("startYear", "一九八〇"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(block(html, "fonds-start")).contains("年度应为4位年份").contains("value=\"一九八〇\"");
        assertThat(registry.fonds(code)).isEmpty();
    }

    @Test
    void aFormPostedTwiceRegistersOnceAndAnswersBothAlike() throws Exception {
        String code = Catalogues.freshFonds();
        for (int i = 0; i < 2; i++) {
            mvc.perform(fondsForm(code, "重复提交").param("notes", "同一表单"))
                    .andExpect(redirectedUrl("/fonds"));
        }
        assertThat(registry.fonds().stream().filter(f -> f.code().equals(code))).hasSize(1);
        Integer audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE target = ?", Integer.class,
                "fonds:" + code);
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void scriptInEveryTextFieldOfAFondsIsShownAsText() throws Exception {
        String code = Catalogues.freshFonds();
        mvc.perform(fondsForm(code, SCRIPT).param("notes", SCRIPT)).andExpect(redirectedUrl("/fonds"));
        for (String page : List.of("/fonds", "/fonds/" + code + "/edit")) {
            mvc.perform(signedIn(get(page)))
                    .andExpect(content().string(not(containsString(SCRIPT))))
                    .andExpect(content().string(containsString(ESCAPED)));
        }
        // refused, and shown back as typed: still text
        mvc.perform(fondsForm(SCRIPT, SCRIPT).param("unit", SCRIPT).param("startYear", SCRIPT))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(not(containsString(SCRIPT))));
    }

    @Test
    void whoMayNotDefineSeesTheListButNoFormsAndNoNavigationEntry() throws Exception {
        staff.ensure("reader", "利用人员", null, Classification.NONE, List.of("READING_ROOM"));
        mvc.perform(get("/fonds").with(Staff.page("reader")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/fonds/new\""))));
        mvc.perform(get("/fonds/new").with(Staff.page("reader"))).andExpect(status().isForbidden());
        mvc.perform(post("/fonds/new").with(Staff.page("reader")).with(csrf()).param("code", "RDR1")
                        .param("name", "越权"))
                .andExpect(status().isForbidden());
        assertThat(registry.fonds("RDR1")).isEmpty();
        mvc.perform(get("/catalogue").with(Staff.page("reader")))
                .andExpect(content().string(not(containsString("全宗与门类"))));
        mvc.perform(signedIn(get("/catalogue")))
                .andExpect(content().string(containsString("<a href=\"/fonds\">全宗与门类</a>")));
    }

    /** The empty archive: every record and fonds removed inside this test's transaction, rolled back after. */
    @Test
    @Transactional
    void anEmptyArchiveSaysToRegisterAFondsFirstAndLinksToIt() throws Exception {
        jdbc.update("DELETE FROM item");
        jdbc.update("DELETE FROM volume");
        jdbc.update("DELETE FROM fonds");
        mvc.perform(signedIn(get("/fonds")))
                .andExpect(content().string(containsString("尚未登记全宗。")))
                .andExpect(content().string(containsString("<a id=\"first-step\" href=\"/fonds/new\">先登记全宗</a>")));
        mvc.perform(signedIn(get("/catalogue")))
                .andExpect(content().string(containsString("尚未登记全宗：著录和导入之前")))
                .andExpect(content().string(containsString("href=\"/fonds/new\"")));
        mvc.perform(signedIn(get("/categories")))
                .andExpect(content().string(containsString("href=\"/fonds/new\"")));
    }

    @Test
    void theApiTakesTheNewFieldsAndRefusesAClashWhenANewFondsIsAskedFor() throws Exception {
        String code = Catalogues.freshFonds();
        String body = """
                {"name": "API 全宗", "startYear": 1950, "endYear": 1999, "notes": "经 API 登记"}""";
        mvc.perform(put("/api/v1/fonds/" + code).with(Staff.archivist()).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.startYear").value(1950));
        assertThat(registry.fonds(code)).contains(new Fonds(code, "API 全宗", null, 1950, 1999, "经 API 登记"));
        mvc.perform(put("/api/v1/fonds/" + code).with(Staff.archivist()).header("If-None-Match", "*")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"另一个\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已登记")));
        mvc.perform(put("/api/v1/fonds/" + code).with(Staff.archivist()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"unit\": \"NO-SUCH-UNIT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].code").value("registry.unknown-unit"));
    }

    // ---- categories -----------------------------------------------------------------------------------------

    MockHttpServletRequestBuilder categoryForm(String code, String name) {
        return signedIn(post("/categories/new")).with(csrf()).param("code", code).param("name", name);
    }

    @Test
    void aCategoryIsDefinedWithFieldsOfItsOwnOneAChoice() throws Exception {
        String code = freshCategory(registry);
        mvc.perform(categoryForm(code, "婚姻登记")
                        .param("f0.key", "groomName").param("f0.label", "男方姓名").param("f0.type", "TEXT")
                        .param("f0.maxLength", "50").param("f0.mandatory", "true")
                        .param("f1.key", "kind").param("f1.label", "登记类别").param("f1.type", "CHOICE")
                        .param("f1.vocabulary", "结婚\r\n离婚\r\n\r\n补发 ")
                        .param("f2.key", "").param("f2.label", "").param("f2.type", "TEXT"))
                .andExpect(redirectedUrl("/categories"))
                .andExpect(flash().attribute("flash", "registry.category.saved"));
        assertThat(registry.category(code)).isEqualTo(new Category(code, "婚姻登记", List.of(
                new FieldDefinition("groomName", "男方姓名", Type.TEXT, 50, true, List.of()),
                new FieldDefinition("kind", "登记类别", Type.CHOICE, null, false, List.of("结婚", "离婚", "补发")))));
        mvc.perform(signedIn(get("/categories")))
                .andExpect(content().string(containsString("groomName · 文本 · 必填")));
        mvc.perform(signedIn(get("/categories/" + code + "/edit")))
                .andExpect(content().string(containsString("结婚\n离婚\n补发</textarea>")));
    }

    @Test
    void addingARowShowsTheFormAgainWithABlankRowFocusedAndSavesNothing() throws Exception {
        String code = freshCategory(registry);
        String html = mvc.perform(categoryForm(code, "照片").param("f0.key", "place").param("f0.label", "地点")
                        .param("f0.type", "TEXT").param("add", "row"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("value=\"place\"").contains("id=\"row-1\"");
        assertThat(block(html, "f1-key")).contains("autofocus");
        assertThat(registry.categories()).noneMatch(c -> c.code().equals(code));
    }

    @Test
    void aRowMarkedForRemovalIsLeftOutOnSaving() throws Exception {
        String code = freshCategory(registry);
        registry.saveCategory(new Category(code, "照片", List.of(
                new FieldDefinition("place", "地点", Type.TEXT, null, false, List.of()),
                new FieldDefinition("who", "人物", Type.TEXT, null, false, List.of()))), CatalogRegistry.Intent.NEW,
                ADMIN);
        mvc.perform(signedIn(post("/categories/" + code + "/edit")).with(csrf()).param("name", "照片")
                        .param("f0.key", "place").param("f0.label", "地点").param("f0.type", "TEXT")
                        .param("f0.remove", "true")
                        .param("f1.key", "who").param("f1.label", "人物").param("f1.type", "TEXT"))
                .andExpect(redirectedUrl("/categories"));
        assertThat(registry.category(code).fields()).extracting(FieldDefinition::key).containsExactly("who");
    }

    @Test
    void aCategoryCodeThatClashesOrBreaksTheRulesIsRefusedBesideItsField() throws Exception {
        String code = freshCategory(registry);
        registry.saveCategory(new Category(code, "先定义的", List.of()), CatalogRegistry.Intent.NEW, ADMIN);
        String html = mvc.perform(categoryForm(code, "后定义的"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(block(html, "category-code")).contains("门类代码 " + code + " 已定义（先定义的）");
        assertThat(registry.category(code).name()).isEqualTo("先定义的");
        html = mvc.perform(categoryForm("ws", "小写"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(block(html, "category-code")).contains("门类代码应为2位大写字母");
    }

    @Test
    void aBadFieldRowIsRefusedBesideItsInputs() throws Exception {
        String code = freshCategory(registry);
        String html = mvc.perform(categoryForm(code, "坏字段")
                        .param("f0.key", "9bad").param("f0.label", "题名").param("f0.type", "CHOICE")
                        .param("f0.maxLength", "很长"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(block(html, "f0-maxLength")).contains("应为数字").contains("value=\"很长\"");
        assertThat(registry.categories()).noneMatch(c -> c.code().equals(code));
        html = mvc.perform(categoryForm(code, "坏字段")
                        .param("f0.key", "9bad").param("f0.label", "题名").param("f0.type", "CHOICE"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(block(html, "f0-key")).contains("字段代码应以字母开头");
        assertThat(block(html, "f0-label")).contains("与内置著录项重名");
        assertThat(html).contains("<a href=\"#f0-key\">字段 1 · 字段代码</a>");
        assertThat(registry.categories()).noneMatch(c -> c.code().equals(code));
    }

    @Test
    void aFieldMadeMandatoryWhileRecordsLackItIsRefusedAboveTheFormAndBesideTheRow() throws Exception {
        String fonds = Catalogues.freshFonds();
        registry.saveFonds(new Fonds(fonds, "必填测试"), CatalogRegistry.Intent.NEW, ADMIN);
        String code = freshCategory(registry);
        registry.saveCategory(new Category(code, "照片", List.of(
                new FieldDefinition("place", "地点", Type.TEXT, null, false, List.of()))), CatalogRegistry.Intent.NEW,
                ADMIN);
        Item item = catalog.create(Entries.item(fonds, 2021, "无地点的照片").with(DescriptionField.CATEGORY, code)
                .input(), ADMIN);
        String html = mvc.perform(signedIn(post("/categories/" + code + "/edit")).with(csrf()).param("name", "照片")
                        .param("f0.key", "place").param("f0.label", "地点").param("f0.type", "TEXT")
                        .param("f0.mandatory", "true"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("已有档案与新的字段定义不符");
        assertThat(block(html, "f0-mandatory")).contains("1 件档案缺少此字段的值（例如 " + item.archivalCode() + "）");
        assertThat(registry.category(code).fields().get(0).mandatory()).isFalse();
    }

    @Test
    void scriptInEveryTextFieldOfACategoryIsShownAsText() throws Exception {
        String code = freshCategory(registry);
        mvc.perform(categoryForm(code, SCRIPT).param("f0.key", "k").param("f0.label", SCRIPT)
                        .param("f0.type", "CHOICE").param("f0.vocabulary", SCRIPT))
                .andExpect(redirectedUrl("/categories"));
        for (String page : List.of("/categories", "/categories/" + code + "/edit")) {
            mvc.perform(signedIn(get(page)))
                    .andExpect(content().string(not(containsString(SCRIPT))))
                    .andExpect(content().string(containsString(ESCAPED)));
        }
        mvc.perform(categoryForm(SCRIPT, SCRIPT).param("f0.key", SCRIPT).param("f0.label", SCRIPT)
                        .param("f0.maxLength", SCRIPT).param("f0.vocabulary", SCRIPT))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(not(containsString(SCRIPT))));
    }

    /** The markup of one input's block: from its label to the next block. */
    static String block(String html, String id) {
        int start = html.indexOf("for=\"" + id + "\"");
        if (start < 0) {
            start = html.indexOf("id=\"" + id + "\"");
        }
        assertThat(start).as("input " + id).isPositive();
        int end = html.indexOf("<div class=\"field", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
