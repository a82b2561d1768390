package cn.lantai.catalog;

import java.util.List;

import cn.lantai.support.Catalogues;
import cn.lantai.support.Staff;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The catalogue's pages in the workbench: the tree and list, an item, and its edit form's messages. */
@LantaiTest
class ItemPagesTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    String fonds;
    Item item;

    @BeforeEach
    void anItem() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "页面测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
        item = catalog.create(Entries.item(fonds, 2019, "关于页面测试的通知").input(), ADMIN);
    }

    MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.with(Staff.page(Staff.ARCHIVIST));
    }

    MockHttpServletRequestBuilder edit(String title, String date) {
        return signedIn(post("/items/" + item.id().value() + "/edit")).with(csrf())
                .param("version", Integer.toString(item.version())).param("title", title).param("date", date)
                .param("creator", "区人民政府办公室").param("openStatus", "OPEN");
    }

    @Test
    void onlyWhoMayCatalogueIsOfferedToEditOrDelete(@Autowired Staff staff) throws Exception {
        staff.ensure("reader", "利用人员", null, Classification.NONE, List.of("READING_ROOM"));
        Item open = catalog.create(Entries.item(fonds, 2019, "关于公开页面的通知")
                .with(cn.lantai.catalog.DescriptionField.OPEN_STATUS, "开放").input(), ADMIN);
        String path = "/items/" + open.id().value();
        mvc.perform(get(path).with(Staff.page("reader"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("关于公开页面的通知")))
                .andExpect(content().string(not(containsString(path + "/edit"))))
                .andExpect(content().string(not(containsString(path + "/delete"))));
        mvc.perform(get(path).with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isOk())
                .andExpect(content().string(containsString(path + "/edit")))
                .andExpect(content().string(containsString(path + "/delete")));
    }

    @Test
    void eachBrokenRuleIsShownBesideItsFieldAndNothingIsSaved() throws Exception {
        String html = mvc.perform(edit("", "2019-13-45"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        String dateField = fieldBlock(html, "f-date");
        assertThat(dateField).contains("aria-invalid=\"true\"").contains("aria-describedby=\"f-date-error\"")
                .contains("id=\"f-date-error\"").contains("日期无效").contains("value=\"2019-13-45\"");
        assertThat(fieldBlock(html, "f-title")).contains("aria-invalid=\"true\"").contains("必填项为空");
        assertThat(fieldBlock(html, "f-creator")).doesNotContain("aria-invalid");
        assertThat(catalog.item(item.id(), ADMIN).title()).isEqualTo("关于页面测试的通知");
    }

    @Test
    void aSavedChangeLeadsToTheItemWithAMessageAndItsHistory() throws Exception {
        mvc.perform(edit("关于页面测试的补充通知", "2019-03-12"))
                .andExpect(redirectedUrl("/items/" + item.id().value()))
                .andExpect(flash().attribute("flash", "item.saved"));
        mvc.perform(signedIn(get("/items/" + item.id().value())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("关于页面测试的补充通知")))
                .andExpect(content().string(containsString("<td>关于页面测试的通知</td>")));
    }

    @Test
    void aChangeOverSomeoneElsesIsRefusedWithAMessage() throws Exception {
        catalog.update(item.id(), item.version(), Entries.item(fonds, 2019, "他人先改").input(), ADMIN);
        mvc.perform(edit("我后改", "2019-03-12"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("记录已被他人修改")));
    }

    @Test
    void theTreeShowsCategoriesAndYearsAndTheListIsSwappedAlone() throws Exception {
        mvc.perform(signedIn(get("/catalogue/tree/" + fonds)))
                .andExpect(content().string(containsString("WS 文书")))
                .andExpect(content().string(containsString("year=2019")));
        mvc.perform(signedIn(get("/catalogue").param("fonds", fonds).param("year", "2019")))
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString(item.archivalCode())));
        mvc.perform(signedIn(get("/catalogue").param("fonds", fonds).header("HX-Request", "true")
                        .header("HX-Target", "items")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"items\"")))
                .andExpect(content().string(containsString(item.archivalCode())));
    }

    @Test
    void aTitleWithMarkupIsShownAsText() throws Exception {
        Item script = catalog.create(Entries.item(fonds, 2019, "<script>alert(1)</script>的通知").input(), ADMIN);
        for (String page : List.of("/items/" + script.id().value(), "/items/" + script.id().value() + "/edit",
                "/catalogue?fonds=" + fonds)) {
            mvc.perform(signedIn(get(page)))
                    .andExpect(content().string(not(containsString("<script>alert(1)"))))
                    .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
        }
    }

    /** The markup of one form field: from its label to the end of its block. */
    static String fieldBlock(String html, String id) {
        int start = html.indexOf("<label for=\"" + id + "\"");
        assertThat(start).as("field " + id).isPositive();
        int end = html.indexOf("<div class=\"field", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
