package cn.lantai.catalog;

import java.util.List;
import java.util.regex.Pattern;

import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import com.microsoft.playwright.Download;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Bulk edit with its preview, renumbering by typing and export of a selection, done with the keyboard alone. */
class CatalogueActionsBrowserTest extends BrowserTest {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    CatalogManagement catalog;

    String fonds;

    @BeforeEach
    void aFonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "批量浏览器测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    /** Moves the focus on with Tab until the focused element matches the selector, as a keyboard user would. */
    void tabTo(String selector) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    @Test
    void retentionIsBulkEditedAfterAPreviewAGroupRenumberedByTypingAndTheSelectionExported() {
        Item a = catalog.create(Entries.item(fonds, 2019, "甲通知").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "乙通知").input(), ADMIN);
        Item c = catalog.create(Entries.item(fonds, 2019, "丙通知").input(), ADMIN);
        Item x = catalog.create(Entries.item(fonds, 2020, "子通知").input(), ADMIN);
        Item y = catalog.create(Entries.item(fonds, 2020, "丑通知").input(), ADMIN);
        Item z = catalog.create(Entries.item(fonds, 2020, "寅通知").input(), ADMIN);
        signIn(Account.ARCHIVIST);

        // bulk edit: 保管期限 of two chosen items, 永久 → 定期30年
        visit("/catalogue/bulk-edit?ids=" + a.id() + "&ids=" + c.id());
        assertThat(page.locator(".selection-summary")).containsText("已选 2 件");
        tabTo("#bulk-field");
        assertThat(page.locator("#bulk-field")).hasValue("retention");
        tabTo("#bulk-value-input");
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("#bulk-value-input")).hasValue("D30");
        tabTo("button[type=submit]");
        page.keyboard().press("Enter");
        assertThat(page.locator(".bulk-preview .changing")).hasText("将修改 2 件");
        assertThat(page.locator(".bulk-preview table")).containsText(fonds + "-WS·2019-D30-BGS-0002");
        screenshot("bulk-preview");
        tabTo(".bulk-preview button");
        page.keyboard().press("Enter");
        assertThat(page.locator(".result")).containsText("定期30年");
        screenshot("bulk-done");
        assertThat(catalog.item(c.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·2019-D30-BGS-0002");

        // export of the same selection: its link, by the keyboard, gives a file named in Chinese
        visit("/catalogue/bulk-edit?ids=" + a.id() + "&ids=" + c.id());
        tabTo(".selection-summary a[href*='format=xlsx']");
        Download download = page.waitForDownload(() -> page.keyboard().press("Enter"));
        assertThat(download.suggestedFilename()).startsWith("著录目录-所选2件-").endsWith(".xlsx");
        assertThat(download.failure()).isNull();

        // renumbering by typing the new order: 寅 first, 子 last
        visit("/catalogue/renumber?fonds=" + fonds + "&category=WS&year=2020&retention=Y&org=BGS");
        assertThat(page.locator("h1 .code")).hasText(fonds + "-WS·2020-Y-BGS");
        tabTo("#no-" + x.id());
        page.keyboard().press("Control+A");
        page.keyboard().type("3");
        tabTo("#no-" + z.id());
        page.keyboard().press("Control+A");
        page.keyboard().type("1");
        page.keyboard().press("Enter");
        assertThat(page.locator(".renumber-preview [role=status]")).hasText("2 件的档号将改变");
        assertThat(page.locator(".renumber-preview tbody tr")).hasCount(2);
        screenshot("renumber-preview");
        tabTo(".renumber-preview button");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).hasText("件号已调整");
        assertThat(page).hasURL(Pattern.compile(".*/catalogue/renumber\\?fonds=" + fonds + ".*"));
        assertThat(page.locator("tbody[data-reorder] tr").first()).containsText("寅通知");
        screenshot("renumbered");
        assertThat(catalog.item(z.id(), ADMIN).archivalCode()).endsWith("-0001");
        assertThat(catalog.item(y.id(), ADMIN).archivalCode()).endsWith("-0002");
        assertThat(catalog.item(x.id(), ADMIN).archivalCode()).endsWith("-0003");
    }

    @Test
    void draggingARowTypesTheNewOrderAndChangingTheFieldOffersItsChoices() {
        Item x = catalog.create(Entries.item(fonds, 2021, "子通知").input(), ADMIN);
        Item y = catalog.create(Entries.item(fonds, 2021, "丑通知").input(), ADMIN);
        Item z = catalog.create(Entries.item(fonds, 2021, "寅通知").input(), ADMIN);
        signIn(Account.ARCHIVIST);

        visit("/catalogue/renumber?fonds=" + fonds + "&category=WS&year=2021&retention=Y&org=BGS");
        page.locator("tbody[data-reorder] tr").nth(2).dragTo(page.locator("tbody[data-reorder] tr").nth(0),
                new com.microsoft.playwright.Locator.DragToOptions().setTargetPosition(
                        new com.microsoft.playwright.options.Position(10, 2)));
        assertThat(page.locator("tbody[data-reorder] tr").first()).containsText("寅通知");
        assertThat(page.locator("#no-" + z.id())).hasValue("1");
        assertThat(page.locator("#no-" + x.id())).hasValue("2");
        assertThat(page.locator("#no-" + y.id())).hasValue("3");
        screenshot("dragged");
        page.locator("#no-" + y.id()).press("Enter");
        assertThat(page.locator(".renumber-preview [role=status]")).hasText("3 件的档号将改变");

        visit("/catalogue/bulk-edit?all=true&fonds=" + fonds + "&year=2021");
        assertThat(page.locator(".selection-summary")).containsText("已选 3 件");
        page.locator("#bulk-field").selectOption("carrier");
        assertThat(page.locator("#bulk-value-input option[value='纸质']")).hasCount(1);
        page.locator("#bulk-field").selectOption("notes");
        assertThat(page.locator("input#bulk-value-input")).hasCount(1);
        screenshot("free-text-value");
    }
}
