package cn.lantai.search;

import java.util.List;
import java.util.regex.Pattern;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.support.Staff;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.SearchIndexed;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Searching in the workbench: Chinese words, marked hits, facets that narrow, and whatever a person may type. */
class SearchBrowserTest extends BrowserTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    CatalogManagement catalog;

    @Autowired
    SearchManagement search;

    @Test
    void anItemIsFoundByAChinesePhraseWithTheWordsMarkedAndFacetsNarrowTheHits() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "检索浏览器测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
        catalog.create(Entries.item(fonds, 2019, "关于做好秸秆禁烧工作的通知").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "秸秆禁烧工作检查情况的报告").input(), ADMIN);
        Item wanted = catalog.create(Entries.item(fonds, 2020, "关于秸秆禁烧工作考核结果的通报").input(), ADMIN);
        SearchIndexed.await(search, new SearchQuery("秸秆禁烧", fonds, null, null, null, null, null, null, null, null,
                0, 10, ADMIN), 3);

        signIn(Account.ARCHIVIST);
        page.locator(".sections").getByText("检索").click();
        page.getByLabel("检索词").fill("秸秆禁烧");
        page.getByLabel("检索词").press("Enter");

        Locator hits = page.locator(".hit");
        Locator fondsFacet = page.locator(".facets a", new Page.LocatorOptions().setHasText(fonds));
        fondsFacet.click();
        assertThat(page).hasURL(Pattern.compile(".*fonds=" + fonds + ".*"));
        assertThat(page.locator("#results-heading")).hasText("共 3 条结果");
        assertThat(hits.first().locator("mark").first()).isVisible();
        assertThat(hits.first().locator("mark").first()).containsText("秸秆");
        screenshot("hits");

        page.locator(".facets section", new Page.LocatorOptions().setHasText("年度")).getByText("2020").click();
        assertThat(page.locator("#results-heading")).hasText("共 1 条结果");
        assertThat(hits).hasCount(1);
        assertThat(page.locator(".facets a.chosen")).hasCount(2);
        screenshot("narrowed");

        hits.first().locator("a.title").click();
        assertThat(page).hasURL(Pattern.compile(".*/items/" + wanted.id().value() + "$"));
        assertThat(page.locator("h1")).containsText("关于秸秆禁烧工作考核结果的通报");
    }

    @Test
    void sqlAndQuerySyntaxTypedInTheSearchBoxGiveANormalPage() {
        signIn(Account.ARCHIVIST);
        for (String typed : List.of("' OR 1=1 --", "%_\\", "title:(a OR", "<b>粗体</b>")) {
            visit("/search");
            page.getByLabel("检索词").fill(typed);
            page.getByLabel("检索词").press("Enter");
            assertThat(page.locator("#results-heading")).isVisible();
            assertThat(page.getByLabel("检索词")).hasValue(typed);
        }
    }
}
