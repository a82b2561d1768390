package cn.lantai.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.support.Staff;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The search page: whatever is typed gives a normal page; hits are marked, and only the marks are markup. */
@LantaiTest
class SearchPagesTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    String page(String query, String... params) throws Exception {
        // in the query string, as a browser sends it: the page's links are made from it
        var url = org.springframework.web.util.UriComponentsBuilder.fromPath("/search").queryParam("q", query);
        for (int i = 0; i + 1 < params.length; i += 2) {
            url.queryParam(params[i], params[i + 1]);
        }
        var request = get(url.encode().build().toUri()).with(Staff.page(Staff.ARCHIVIST));
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void sqlAndQuerySyntaxTypedInTheSearchBoxGiveANormalPage() throws Exception {
        for (String typed : List.of("' OR 1=1 --", "%_\\", "\"; DROP TABLE item; --", "title:(a OR", "*?~^", "<b>")) {
            assertThat(page(typed)).contains("id=\"results-heading\"").doesNotContain("<b>");
        }
        assertThat(page("通知", "year", "abc", "retention", "XX", "page", "-3", "sort", "NONSENSE"))
                .contains("id=\"results-heading\"");
        assertThat(page("通知", "page", "2147483647")).contains("id=\"results-heading\"");
    }

    @Test
    void aTextTooLongToSearchGivesANormalPageThatSaysTheLimit() throws Exception {
        String html = page("档案".repeat(5_000));
        assertThat(html).contains("id=\"results-heading\"").contains("检索词过长").contains(Integer.toString(cn.lantai.search.SearchQuery.MAX_TEXT));
    }

    @Test
    void aHitIsMarkedAndATitleWithMarkupStaysText() throws Exception {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "检索页面测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
        catalog.create(Entries.item(fonds, 2020, "<script>alert(1)</script>防汛抗旱工作的通知").input(), ADMIN);
        String html = awaitPage("防汛抗旱", "fonds", fonds);
        assertThat(html).contains("<mark>").doesNotContain("<script>alert(1)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("href=\"/search?q=").contains("fonds=" + fonds);
    }

    String awaitPage(String query, String... params) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String html = "";
        while (Instant.now().isBefore(deadline)) {
            html = page(query, params);
            if (html.contains("class=\"hit\"")) {
                return html;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no hit for " + query + ":\n" + html);
    }
}
