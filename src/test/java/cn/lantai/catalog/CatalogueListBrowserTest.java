package cn.lantai.catalog;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue list in a browser: picking columns with the keyboard, ordering by a header, selecting a range with
 * Shift and rows with Space, and all the items of the filter through the banner, handed to the export as the actions'
 * contract says; the top bar and the list's header stay in view, at 1366 and at 1024 pixels.
 */
class CatalogueListBrowserTest extends BrowserTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);
    static final Account CLERK = new Account("listbrowser", Staff.PASSWORD);

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogListing listing;

    String fonds;

    @BeforeEach
    void thirtyItems() {
        staff.ensure(CLERK.username(), "列表浏览器测试档案员", null, Classification.TOP_SECRET,
                List.of("CATALOGUING", "READING_ROOM", "APPRAISAL"));
        listing.chooseColumns(List.of(), Viewer.staff(CLERK.username(), Classification.NONE, false));
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "列表浏览器测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        for (int i = 1; i <= 30; i++) {
            // creators run backwards against the numbers, so ordering by them turns the list round
            catalog.create(Entries.item(fonds, 2019, "第" + i + "号通知")
                    .with(DescriptionField.CREATOR, String.format("单位%02d", 31 - i)).input(), ADMIN);
        }
    }

    Locator rows() {
        return page.locator("#items tbody tr");
    }

    Locator box(int row) {
        return rows().nth(row).locator("input[name=ids]");
    }

    @Test
    void anArchivistPicksColumnsSortsAndSelectsRowsAndAllOfTheFilter() {
        signIn(CLERK);
        visit("/catalogue?fonds=" + fonds + "&size=20");
        assertThat(rows()).hasCount(20);

        // columns, by keyboard alone: open the picker, tick 责任者 and 件号 with Space, save with Enter
        page.locator(".column-picker summary").focus();
        page.keyboard().press("Enter");
        page.getByLabel("责任者", new Page.GetByLabelOptions().setExact(true)).focus();
        page.keyboard().press("Space");
        page.getByLabel("件号", new Page.GetByLabelOptions().setExact(true)).focus();
        page.keyboard().press("Space");
        screenshot("columns-picked");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存列设置")).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#items thead")).containsText("责任者");
        assertThat(page.locator("#items thead")).containsText("件号");
        assertThat(page).hasURL(Pattern.compile(".*/catalogue\\?fonds=" + fonds + "&size=20$"));

        // order by the creator's header: 单位01 is item 30; again for the other way
        page.locator("#items thead a", new Page.LocatorOptions().setHasText("责任者")).click();
        assertThat(page).hasURL(Pattern.compile(".*sort=creator.*"));
        assertThat(rows().first()).containsText("单位01");
        assertThat(rows().first()).containsText("第30号通知");
        assertThat(page.locator("#items thead th[aria-sort=ascending]")).containsText("责任者");
        screenshot("sorted-by-creator");
        page.locator("#items thead a", new Page.LocatorOptions().setHasText("责任者")).click();
        assertThat(page).hasURL(Pattern.compile(".*sort=-creator.*"));
        assertThat(rows().first()).containsText("单位30");

        // one row, then a range with Shift: rows 2 to 6 (five), the count says so
        box(1).click();
        box(5).click(new Locator.ClickOptions().setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.SHIFT)));
        for (int i = 1; i <= 5; i++) {
            assertThat(box(i)).isChecked();
        }
        assertThat(box(0)).not().isChecked();
        assertThat(box(6)).not().isChecked();
        assertThat(page.locator("[data-selected-count]")).hasText("已选 5 件");

        // the keyboard: Up and Down move between rows, Space selects
        box(6).focus();
        page.keyboard().press("Space");
        page.keyboard().press("ArrowDown");
        assertThat(box(7)).isFocused();
        page.keyboard().press("Space");
        assertThat(page.locator("[data-selected-count]")).hasText("已选 7 件");
        screenshot("range-selected");

        // the export receives the ids, without the CSRF token in its address
        AtomicReference<String> sent = new AtomicReference<>();
        page.route("**/catalogue/export**", route -> {
            sent.set(route.request().url());
            route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(200)
                    .setContentType("text/plain").setBody("ok"));
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导出 CSV")).click();
        page.waitForURL(Pattern.compile(".*/catalogue/export.*"));
        assertThat(sent.get()).contains("format=csv").contains("ids=").doesNotContain("_csrf")
                .doesNotContain("all=true");
        assertThat(sent.get().split("ids=", -1)).hasSize(8);
        page.goBack();

        // the whole page, then all 30 of the filter through the banner
        visit("/catalogue?fonds=" + fonds + "&size=20");
        page.locator("[data-page-toggle]").check();
        assertThat(page.locator("[data-banner]")).isVisible();
        assertThat(page.locator("[data-banner]")).containsText("已选择本页全部 20 件");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("选择筛选结果中的全部 30 件")).click();
        assertThat(page.locator("[data-banner]")).containsText("已选择筛选结果中的全部 30 件");
        assertThat(page.locator("[data-selected-count]")).hasText("已选 30 件");
        screenshot("all-in-filter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导出 Excel")).click();
        page.waitForURL(Pattern.compile(".*/catalogue/export.*"));
        assertThat(sent.get()).contains("all=true").contains("fonds=" + fonds).contains("format=xlsx")
                .doesNotContain("ids=").doesNotContain("_csrf");
    }

    @Test
    void theTopBarAndTheListHeaderStayInViewAt1366And1024() {
        signIn(CLERK);
        visit("/catalogue?fonds=" + fonds + "&size=100");
        assertThat(rows()).hasCount(30);
        // the year opens to its retentions and org codes, loaded when opened, with counts
        page.locator(".tree summary:has(a[href*='year=2019'])").click(new Locator.ClickOptions()
                .setPosition(4, 10));
        assertThat(page.locator(".tree .groups")).containsText("永久 (30)");
        assertThat(page.locator(".tree .groups")).containsText("BGS (30)");
        page.locator(".tree .groups a", new Page.LocatorOptions().setHasText("BGS")).click();
        assertThat(page).hasURL(Pattern.compile(".*retention=Y&org=BGS.*"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("调整件号"))).isVisible();
        screenshot("tree-to-org");
        for (int width : List.of(1366, 1024)) {
            page.setViewportSize(width, 768);
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
            page.waitForFunction("window.scrollY > 200");
            assertThat(page.locator(".topbar").boundingBox().y).isEqualTo(0);
            assertThat(page.locator("#items thead th").nth(1).boundingBox().y).isBetween(40.0, 56.0);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("检索"))).isInViewport();
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
                    "CatalogueListBrowserTest", "theTopBarAndTheListHeaderStayInViewAt1366And1024-scrolled-" + width
                            + ".png")));
            page.evaluate("window.scrollTo(0, 0)");
        }
    }
}
