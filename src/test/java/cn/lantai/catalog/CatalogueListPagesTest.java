package cn.lantai.catalog;

import java.util.ArrayList;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue list in the workbench: the columns a person picks, the order by a column, the page size and the jump
 * to a page, the tree down to retention, org code and file, and the selection handed to the list's actions.
 */
@LantaiTest
class CatalogueListPagesTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);
    /** A cataloguer of these tests alone: the columns they choose do not change anyone else's list. */
    static final String CLERK = "listpages";

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogListing listing;

    @Autowired
    CatalogVolumes volumes;

    @Autowired
    Staff staff;

    String fonds;

    @BeforeEach
    void aFondsAndAClerk() {
        staff.ensure(CLERK, "列表测试档案员", null, Classification.TOP_SECRET,
                List.of("CATALOGUING", "READING_ROOM", "APPRAISAL"));
        listing.chooseColumns(List.of(), Viewer.staff(CLERK, Classification.NONE, false));
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "列表页面测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.with(Staff.page(CLERK));
    }

    String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(signedIn(request)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    Item item(String title, String creator, String docNumber, String pages) {
        return catalog.create(Entries.item(fonds, 2019, title).with(DescriptionField.CREATOR, creator)
                .with(DescriptionField.DOC_NUMBER, docNumber).with(DescriptionField.PAGES, pages).input(), ADMIN);
    }

    /** The headers of the list's table, in order, without the selection column. */
    static List<String> headers(String html) {
        String head = html.substring(html.indexOf("<thead"), html.indexOf("</thead>"));
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<th scope=\"col\"(?! class=\"pick\")[^>]*>\\s*(?:<a[^>]*>)?<span>([^<]*)</span>")
                .matcher(head);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The archival codes of the list's rows, in order. */
    static List<String> codes(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"code\">\\s*<a href=\"/items/\\d+\">([^<]+)</a>").matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void thePickedColumnsAreShownAndRememberedAndUnknownNamesIgnored() throws Exception {
        item("关于列设置的通知", "区档案局", "区档〔2019〕3号", "7");
        String back = "/catalogue?fonds=" + fonds;
        mvc.perform(signedIn(post("/catalogue/columns")).with(csrf()).param("back", back)
                        .param("columns", "archivalCode", "itemNo", "title", "creator", "docNumber", "pages", "nonsense",
                                "fullText"))
                .andExpect(redirectedUrl(back));

        String html = html(get("/catalogue").param("fonds", fonds));
        assertThat(headers(html)).containsExactly("档号", "件号", "题名", "责任者", "文件编号", "页数");
        assertThat(html).contains("区档〔2019〕3号").doesNotContain(">全文<");
        assertThat(html.replaceAll("\\s+", "")).contains("<td>7</td>");
        // a foreign address to go back to is not followed
        mvc.perform(signedIn(post("/catalogue/columns")).with(csrf()).param("back", "https://example.com/")
                .param("columns", "title")).andExpect(redirectedUrl("/catalogue"));
        assertThat(headers(html(get("/catalogue").param("fonds", fonds)))).containsExactly("题名");
    }

    @Test
    void aCategorysOwnFieldsAreColumnsWhenTheCategoryIsChosen() throws Exception {
        catalog.defineCategory(new Category("HL", "婚姻登记", List.of(new FieldDefinition("groomName", "男方姓名",
                FieldDefinition.Type.TEXT, 50, false, null))), Viewer.system());
        catalog.create(new EntryInput(null, Entries.item(fonds, 1985, "结婚登记").with(DescriptionField.CATEGORY, "HL")
                .input().fields(), java.util.Map.of("groomName", "张<b>三</b>")), ADMIN);
        listing.chooseColumns(List.of("archivalCode", "title", "extra.groomName"),
                Viewer.staff(CLERK, Classification.NONE, false));

        String html = html(get("/catalogue").param("fonds", fonds).param("category", "HL"));
        assertThat(html).contains("男方姓名").contains("张&lt;b&gt;三&lt;/b&gt;").doesNotContain("张<b>");
        assertThat(headers(html(get("/catalogue").param("fonds", fonds)))).containsExactly("档号", "题名");
    }

    @Test
    void aColumnHeaderOrdersTheListAndAnUnknownOrderIsIgnored() throws Exception {
        Item b = item("乙", "B单位", "2号", "12");
        Item a = item("甲", "A单位", "1号", "3");
        Item c = item("丙", "C单位", "3号", "40");
        listing.chooseColumns(List.of("archivalCode", "title", "creator", "pages"),
                Viewer.staff(CLERK, Classification.NONE, false));

        String html = html(get("/catalogue").param("fonds", fonds).param("sort", "creator"));
        assertThat(codes(html)).containsExactly(a.archivalCode(), b.archivalCode(), c.archivalCode());
        assertThat(html).contains("aria-sort=\"ascending\"").contains("sort=-creator");
        html = html(get("/catalogue").param("fonds", fonds).param("sort", "-pages"));
        assertThat(codes(html)).containsExactly(c.archivalCode(), b.archivalCode(), a.archivalCode());
        assertThat(html).contains("aria-sort=\"descending\"");
        html = html(get("/catalogue").param("fonds", fonds).param("sort", "nonsense<script>"));
        assertThat(codes(html)).containsExactly(b.archivalCode(), a.archivalCode(), c.archivalCode());
        assertThat(html).doesNotContain("nonsense<script>");
    }

    @Test
    void thePageSizeAndTheJumpAreInTheAddressAndBadNumbersGiveTheNearestPage() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            all.add(item("第" + i + "件", "区档案局", null, null).archivalCode());
        }
        mvc.perform(signedIn(get("/catalogue").param("fonds", fonds).param("size", "20").param("jump", "2")))
                .andExpect(redirectedUrl("/catalogue?fonds=" + fonds + "&size=20&page=1"));
        assertThat(codes(html(get("/catalogue").param("fonds", fonds).param("size", "20").param("page", "1"))))
                .containsExactlyElementsOf(all.subList(20, 25));
        for (String page : List.of("-3", "abc", "")) {
            assertThat(codes(html(get("/catalogue").param("fonds", fonds).param("size", "20").param("page", page))))
                    .as("page " + page).containsExactlyElementsOf(all.subList(0, 20));
        }
        for (String page : List.of("2147483647", "99999999999999")) {
            List<String> shown = codes(html(get("/catalogue").param("fonds", fonds).param("size", "20")
                    .param("page", page)));
            assertThat(shown).as("page " + page).containsExactlyElementsOf(
                    page.length() > 10 ? all.subList(0, 20) : all.subList(20, 25));
        }
        assertThat(codes(html(get("/catalogue").param("fonds", fonds).param("size", "abc")))).hasSize(25);
        assertThat(codes(html(get("/catalogue").param("fonds", fonds).param("size", "-7")))).hasSize(20);
        assertThat(codes(html(get("/catalogue").param("fonds", fonds).param("size", "100000")))).hasSize(25);
        mvc.perform(signedIn(get("/catalogue").param("fonds", fonds).param("jump", "-4")))
                .andExpect(redirectedUrl("/catalogue?fonds=" + fonds));
        String html = html(get("/catalogue").param("fonds", fonds).param("size", "20").param("page", "1"));
        assertThat(html).contains("<option value=\"20\" selected=\"selected\">20</option>")
                .contains("name=\"jump\"").contains("value=\"2\"");
    }

    @Test
    void theTreeGoesDownToRetentionOrgAndFileWithCounts() throws Exception {
        item("永久一", "区档案局", null, null);
        catalog.create(Entries.item(fonds, 2019, "无机构").with(DescriptionField.ORG, "").input(), ADMIN);
        volumes.create(new NewVolume(fonds, "WS", 2019, "D30", "BGS", "卷一", null, "开放", null), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "卷内").with(DescriptionField.RETENTION, "D30")
                .with(DescriptionField.VOLUME, "1").input(), ADMIN);

        mvc.perform(signedIn(get("/catalogue/tree/" + fonds)))
                .andExpect(content().string(containsString("/catalogue/tree/" + fonds + "/WS/2019")));
        String groups = html(get("/catalogue/tree/" + fonds + "/WS/2019"));
        assertThat(groups).contains("永久").contains("定期30年").contains("(2)").contains("（无机构）")
                .contains("href=\"/catalogue?fonds=" + fonds + "&amp;category=WS&amp;year=2019&amp;retention=Y&amp;org=BGS\"")
                .contains("href=\"/catalogue?fonds=" + fonds + "&amp;category=WS&amp;year=2019&amp;retention=Y&amp;org=\"")
                .contains("retention=D30&amp;org=BGS&amp;volume=1\"").contains("第 1 卷");

        String noOrg = html(get("/catalogue?fonds=" + fonds + "&category=WS&year=2019&retention=Y&org="));
        assertThat(noOrg).contains("无机构").doesNotContain(">永久一<")
                .contains("href=\"/catalogue/renumber?fonds=" + fonds + "&amp;category=WS&amp;year=2019&amp;retention=Y&amp;org=\"");
        // a group arranged in files is renumbered file by file
        assertThat(html(get("/catalogue?fonds=" + fonds + "&category=WS&year=2019&retention=D30&org=BGS")))
                .doesNotContain("/catalogue/renumber");
        assertThat(html(get("/catalogue?fonds=" + fonds + "&category=WS&year=2019&retention=D30&org=BGS&volume=1")))
                .contains("/catalogue/renumber?fonds=" + fonds + "&amp;category=WS&amp;year=2019&amp;retention=D30&amp;org=BGS&amp;volume=1");
        assertThat(html(get("/catalogue?fonds=" + fonds + "&category=WS&year=2019"))).doesNotContain("/catalogue/renumber");
        // a retention that is none is left out of the selection, not an error
        assertThat(codes(html(get("/catalogue?fonds=" + fonds + "&retention=X9")))).hasSize(3);
    }

    @Test
    void theSelectionGoesToTheActionsAsIdsOrAsAllWithTheFilter() throws Exception {
        Item one = item("关于选择的通知", "区档案局", null, null);
        String html = html(get("/catalogue?fonds=" + fonds + "&category=WS&year=2019&retention=Y&org=BGS"));
        assertThat(html).contains("id=\"list-actions\"").contains("action=\"/catalogue/bulk-edit\"")
                .contains("name=\"_csrf\"")
                .contains("formaction=\"/catalogue/export\"").contains("name=\"format\"").contains("value=\"xlsx\"")
                .contains("value=\"csv\"")
                .contains("<input type=\"checkbox\" name=\"ids\" form=\"list-actions\" value=\"" + one.id().value() + "\"")
                .contains("<input type=\"hidden\" name=\"all\" value=\"true\" disabled data-all>")
                .contains("<input type=\"hidden\" name=\"fonds\" value=\"" + fonds + "\"")
                .contains("<input type=\"hidden\" name=\"retention\" value=\"Y\"")
                .contains("<input type=\"hidden\" name=\"org\" value=\"BGS\"");
    }

    @Test
    void scriptInTitlesAndCreatorsIsShownAsText() throws Exception {
        item("<script>alert(1)</script>的通知", "<img src=x onerror=alert(2)>", "<b>号</b>", null);
        listing.chooseColumns(List.of("archivalCode", "title", "creator", "docNumber"),
                Viewer.staff(CLERK, Classification.NONE, false));
        mvc.perform(signedIn(get("/catalogue").param("fonds", fonds).param("sort", "title")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;的通知")))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(2)&gt;")));
    }

    @Test
    void theApiOrdersByAColumnAndAnswersAnUnknownOrderOrABadNumberWith400() throws Exception {
        Item b = item("乙", "B单位", null, null);
        Item a = item("甲", "A单位", null, null);
        mvc.perform(get("/api/v1/items").param("fonds", fonds).param("sort", "creator").with(Staff.archivist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].archivalCode").value(a.archivalCode()))
                .andExpect(jsonPath("$.items[1].archivalCode").value(b.archivalCode()));
        mvc.perform(get("/api/v1/items").param("fonds", fonds).param("sort", "-creator").with(Staff.archivist()))
                .andExpect(jsonPath("$.items[0].archivalCode").value(b.archivalCode()));
        mvc.perform(get("/api/v1/items").param("sort", "salary").with(Staff.archivist()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("unknown sort column \"salary\"")));
        for (String bad : List.of("abc", "99999999999")) {
            mvc.perform(get("/api/v1/items").param("page", bad).with(Staff.archivist()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("page must be a whole number")));
            mvc.perform(get("/api/v1/items").param("size", bad).with(Staff.archivist()))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/v1/items").param("fonds", fonds).param("page", "-1").param("size", "100000")
                        .with(Staff.archivist()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(CatalogListing.MAX_SIZE));
        mvc.perform(get("/api/v1/items").param("fonds", fonds).param("page", "2147483647").with(Staff.archivist()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.total").value(2));
    }
}
