package cn.lantai.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.SearchIndexed;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The advanced search (高级检索) by keyboard alone: the cursor waits in the search box, Tab reaches the form's summary,
 * Enter opens it, the fields follow in reading order, Enter searches; a field that cannot be read is said beside it
 * and the cursor is put there.
 */
class SearchByFieldBrowserTest extends BrowserTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    CatalogManagement catalog;

    @Autowired
    SearchManagement search;

    @Test
    void anArchivistFindsByCreatorAndDateRangeWithTheKeyboardAlone() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "高级检索浏览器测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        catalog.create(Entries.item(fonds, 2019, "关于防汛物资储备的通知").with(DescriptionField.CREATOR, "区水利局")
                .with(DescriptionField.DATE, "2019-03-05").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "关于防汛值班安排的通知").with(DescriptionField.CREATOR, "区应急管理局")
                .with(DescriptionField.DATE, "2019-03-20").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "防汛工作总结").with(DescriptionField.CREATOR, "区水利局")
                .with(DescriptionField.DATE, "2019-11-30").input(), ADMIN);
        SearchIndexed.await(search, new SearchQuery("", fonds, null, null, null, null, null, null, null, null, 0, 10,
                ADMIN), 3);

        signIn(Account.ARCHIVIST);
        visit("/search?fonds=" + fonds);
        Keyboard keys = page.keyboard();
        assertThat(page.locator("#q")).isFocused();
        assertThat(page.locator("#advsearch[open]")).hasCount(0);
        keys.type("防汛");
        keys.press("Tab");
        assertThat(page.locator("#sort")).isFocused();
        keys.press("Tab");
        keys.press("Tab");
        Locator summary = page.locator("#advsearch summary");
        assertThat(summary).isFocused();
        keys.press("Enter");
        assertThat(page.locator("#adv-title")).isVisible();
        screenshot("opened");

        keys.press("Tab");
        assertThat(page.locator("#adv-title")).isFocused();
        keys.press("Tab");
        assertThat(page.locator("#adv-creator")).isFocused();
        keys.type("水利局");
        keys.press("Tab");
        assertThat(page.locator("#adv-docNumber")).isFocused();
        keys.press("Tab");
        assertThat(page.locator("#adv-codeFrom")).isFocused();
        keys.press("Tab");
        assertThat(page.locator("#adv-codeTo")).isFocused();
        keys.press("Tab");
        assertThat(page.locator("#adv-dateFrom")).isFocused();
        keys.type("2019-03");
        keys.press("Tab");
        assertThat(page.locator("#adv-dateTo")).isFocused();
        keys.type("2019-06");
        keys.press("Enter");

        assertThat(page.locator("#results-heading")).hasText("共 1 条结果");
        assertThat(page.locator(".hit")).hasCount(1);
        assertThat(page.locator(".hit .title")).containsText("关于防汛物资储备的通知");
        assertThat(page.locator("#advsearch[open]")).hasCount(1);
        assertThat(page.locator("#adv-creator")).hasValue("水利局");
        assertThat(page.locator("#q")).isFocused();
        screenshot("found");

        // a month that does not exist: said beside the field, the cursor put there, nothing searched
        page.locator("#adv-dateTo").focus();
        keys.press("Control+A");
        keys.type("2019-13");
        keys.press("Enter");
        assertThat(page.locator("#adv-dateTo-error")).containsText("2019-13");
        assertThat(page.locator("#adv-dateTo")).isFocused();
        assertThat(page.locator("#adv-dateTo")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#results-heading")).hasText("共 0 条结果");
        org.assertj.core.api.Assertions.assertThat(
                page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        screenshot("bad-date");

        keys.press("Control+A");
        keys.type("2019");
        keys.press("Enter");
        assertThat(page.locator("#results-heading")).hasText("共 2 条结果");
        assertThat(page.locator("#adv-dateTo-error")).hasCount(0);
        screenshot("whole-year");
    }

    @Test
    void aCategorysChoiceFieldIsChosenWithTheKeyboard() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "照片检索浏览器测试全宗"), Viewer.system());
        catalog.defineCategory(SearchByFieldPagesTest.PHOTOS, Viewer.system());
        for (String[] photo : new String[][] {{"防汛现场照片（一）", "彩色"}, {"防汛现场照片（二）", "黑白"}}) {
            Map<DescriptionField, String> fields = new EnumMap<>(Entries.item(fonds, 2019, photo[0]).input().fields());
            fields.put(DescriptionField.CATEGORY, "ZP");
            catalog.create(new EntryInput(null, fields, Map.of("colour", photo[1])), ADMIN);
        }
        SearchIndexed.await(search, new SearchQuery("", fonds, null, null, null, null, null, null, null, null, 0, 10,
                ADMIN), 2);

        signIn(Account.ARCHIVIST);
        visit("/search?fonds=" + fonds + "&category=ZP");
        Keyboard keys = page.keyboard();
        assertThat(page.locator("#q")).isFocused();
        for (int i = 0; i < 3; i++) { // the sort, the search button, the summary
            keys.press("Tab");
        }
        assertThat(page.locator("#advsearch summary")).isFocused();
        keys.press("Enter");
        for (int i = 0; i < 7; i++) { // 题名, 责任者, 文件编号, two codes, two dates
            keys.press("Tab");
        }
        assertThat(page.locator("#adv-dateTo")).isFocused();
        keys.press("Tab");
        assertThat(page.locator("#adv-x-photographer")).isFocused();
        keys.press("Tab");
        assertThat(page.locator("#adv-x-colour")).isFocused();
        keys.press("ArrowDown");
        keys.press("ArrowDown");
        assertThat(page.locator("#adv-x-colour")).hasValue("黑白");
        keys.press("Tab");
        assertThat(page.locator("#advsearch button[type=submit]")).isFocused();
        screenshot("choice");
        keys.press("Enter");

        assertThat(page.locator("#results-heading")).hasText("共 1 条结果");
        assertThat(page.locator(".hit .title")).containsText("防汛现场照片（二）");
        assertThat(page.locator("#adv-x-colour")).hasValue("黑白");
        screenshot("chosen");
    }

    @Test
    void theAdvancedFormFitsANarrowWindow() {
        signIn(Account.ARCHIVIST);
        page.setViewportSize(1024, 768);
        visit("/search?title=%E9%80%9A%E7%9F%A5");
        assertThat(page.locator("#advsearch[open]")).hasCount(1);
        assertThat(page.locator("#adv-dateTo")).isVisible();
        assertThat(page.locator("#adv-title")).hasValue("通知");
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(overflow).isEqualTo(false);
        screenshot("narrow");
    }
}
