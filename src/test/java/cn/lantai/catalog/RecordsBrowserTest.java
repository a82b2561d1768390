package cn.lantai.catalog;

import java.util.List;
import java.util.regex.Pattern;

import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Records made in pages, by keyboard only: a new item with the proposed number, and a file (卷) holding two items. */
class RecordsBrowserTest extends BrowserTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    CatalogManagement catalog;

    String fonds;

    @BeforeEach
    void aFonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "新建条目浏览器测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    /** Moves the focus to the element and types, as Tab and the keys would. */
    void type(String selector, String text) {
        Locator field = page.locator(selector);
        field.focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type(text);
    }

    void follow(String linkText) {
        page.getByText(linkText, new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)).first().focus();
        page.keyboard().press("Enter");
    }

    @Test
    void aNewItemTakesTheProposedNumberAndItsCodeIsShownAsItWillBe() {
        catalog.create(Entries.item(fonds, 2019, "第一件").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "第二件").input(), ADMIN);

        signIn(Account.ARCHIVIST);
        visit("/catalogue?fonds=" + fonds + "&category=WS&year=2019");
        follow("新建条目");
        assertThat(page.locator("h1")).hasText("新建条目");
        assertThat(page.locator("#f-fonds")).hasValue(fonds);
        assertThat(page.locator("#f-year")).hasValue("2019");
        // the tree names no org: its group is new, so number 1 is proposed until the org is typed
        assertThat(page.locator("#f-itemNo")).hasValue("1");

        type("#f-org", "BGS");
        assertThat(page.locator("#f-itemNo")).hasValue("3");
        assertThat(page.locator("#code-preview")).containsText(fonds + "-WS·2019-Y-BGS-0003");
        assertThat(page.locator("#code-preview")).containsText("下一个空号为 3");
        screenshot("proposed");

        type("#f-title", "关于键盘新建条目的通知");
        type("#f-date", "2019-05-06");
        type("#f-creator", "区人民政府办公室");
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile(".*/items/\\d+$"));
        assertThat(page.locator("h1 .code")).hasText(fonds + "-WS·2019-Y-BGS-0003");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).hasText("已新建条目");
    }

    @Test
    void aFileIsCreatedAndTwoItemsAreCataloguedIntoIt() {
        signIn(Account.ARCHIVIST);
        visit("/volumes?fonds=" + fonds + "&category=WS&year=1988&retention=Y&org=BGS");
        assertThat(page.locator("#content")).containsText("此分组还没有案卷");
        type("#nf-title", "1988年办公室文件");
        type("#nf-start", "1988-01-04");
        type("#nf-end", "1988-12-30");
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile(".*/volumes/\\d+$"));
        assertThat(page.locator("h1 .code")).hasText(fonds + "-WS·1988-Y-BGS-0001");
        String file = page.url();

        for (String title : List.of("关于卷内第一件的通知", "关于卷内第二件的报告")) {
            follow("新建条目");
            assertThat(page.locator("#f-volume")).hasValue("1");
            int next = title.contains("第一件") ? 1 : 2;
            assertThat(page.locator("#f-itemNo")).hasValue(Integer.toString(next));
            assertThat(page.locator("#code-preview")).containsText(fonds + "-WS·1988-Y-BGS-0001-000" + next);
            type("#f-title", title);
            type("#f-date", "1988-03-0" + next);
            type("#f-creator", "区人民政府办公室");
            page.keyboard().press("Enter");
            assertThat(page.locator("h1 .code")).hasText(fonds + "-WS·1988-Y-BGS-0001-000" + next);
            page.navigate(file);
        }

        assertThat(page.locator("table.file-items tbody tr")).hasCount(2);
        assertThat(page.locator("table.file-items")).containsText("关于卷内第一件的通知");
        assertThat(page.locator("table.file-items")).containsText("关于卷内第二件的报告");
        screenshot("file-with-two-items");

        // a file that holds items is not deleted, and says why
        page.getByText("删除此卷").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator(".problems")).containsText("还有 2 件条目，不能删除");
    }
}
