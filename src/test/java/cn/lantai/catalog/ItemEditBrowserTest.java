package cn.lantai.catalog;

import java.util.List;
import java.util.regex.Pattern;

import cn.lantai.support.Account;
import cn.lantai.support.Staff;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.support.Entries;
import cn.lantai.support.SearchIndexed;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Finding an item in the catalogue tree and editing it in the workbench. */
class ItemEditBrowserTest extends BrowserTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    CatalogManagement catalog;

    @Autowired
    SearchManagement search;

    String fonds;

    @BeforeEach
    void aFonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "修改浏览器测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
    }

    @Test
    void aBadDateIsNamedBesideItsFieldAndAGoodEditIsSavedWithItsHistory() {
        Item item = catalog.create(Entries.item(fonds, 2019, "关于开展档案安全检查的通知").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2020, "关于另一年度的通知").input(), ADMIN);

        signIn(Account.ARCHIVIST);
        page.locator("summary", new Page.LocatorOptions().setHasText(fonds)).click();
        page.locator(".tree").getByText("2019").click();
        assertThat(page).hasURL(Pattern.compile(".*/catalogue\\?fonds=" + fonds + "&category=WS&year=2019$"));
        assertThat(page.locator("#items tbody tr")).hasCount(1);
        page.getByText(item.archivalCode()).click();

        assertThat(page.locator("h1")).containsText("关于开展档案安全检查的通知");
        page.getByText("修改", new Page.GetByTextOptions().setExact(true)).click();
        page.getByLabel("题名").fill("关于开展档案安全专项检查的通知");
        page.getByLabel("日期").fill("2019-02-30");
        page.getByLabel("日期").press("Enter");

        assertThat(page.getByLabel("日期")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#f-date-error")).containsText("日期无效");
        assertThat(page.getByLabel("日期")).hasValue("2019-02-30");
        assertThat(page.getByLabel("题名")).hasValue("关于开展档案安全专项检查的通知");
        assertThat(page.getByLabel("题名")).not().hasAttribute("aria-invalid", "true");
        screenshot("bad-date");

        page.getByLabel("日期").fill("2019年3月15日");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();

        assertThat(page).hasURL(Pattern.compile(".*/items/" + item.id().value() + "$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("已保存修改");
        assertThat(page.locator("h1")).containsText("关于开展档案安全专项检查的通知");
        assertThat(page.locator("table.history")).containsText("关于开展档案安全检查的通知");
        assertThat(page.locator("table.history")).containsText("2019-03-15");
        assertThat(page.locator(".version")).hasText("第 " + (item.version() + 1) + " 版");
    }

    @Test
    void aTitleHoldingAScriptIsShownAsTextOnEveryPage() {
        String title = "<script>alert(1)</script>关于<img src=x onerror=alert(2)>的请示";
        Item item = catalog.create(Entries.item(fonds, 2021, title).input(), ADMIN);

        signIn(Account.ARCHIVIST);
        visit("/catalogue?fonds=" + fonds);
        assertThat(page.locator("#items")).containsText(title);
        visit("/items/" + item.id().value());
        assertThat(page.locator("h1")).containsText(title);
        visit("/items/" + item.id().value() + "/edit");
        assertThat(page.getByLabel("题名")).hasValue(title);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator("h1")).containsText(title);
        assertThat(page.locator("script:not([src])")).hasCount(0);

        SearchIndexed.await(search, new SearchQuery("请示", fonds, null, null, null, null, null, null, null, null, 0, 10,
                ADMIN), 1);
        visit("/search?q=%E8%AF%B7%E7%A4%BA&fonds=" + fonds);
        assertThat(page.locator(".hit a.title")).hasText(title);
        assertThat(page.locator(".hit a.title mark")).hasText("请示");
        // BrowserTest fails the test if any of this opened a dialog
    }
}
