package cn.lantai.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.search.SearchManagement;
import cn.lantai.support.BrowserTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal on a phone (360×740), without signing in and with the keyboard only: the search box is reached by Tab,
 * the results are announced and reached by Tab, a record opens with its description and its scanned page in the
 * viewer, nothing scrolls sideways, and the English switch turns the pages into English.
 */
class PortalBrowserTest extends BrowserTest {

    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    PageLedger ledger;
    @Autowired
    SearchManagement search;

    @TempDir
    Path dir;

    @Test
    void aVisitorSearchesAndReadsARecordOnAPhoneWithTheKeyboardOnly() {
        PortalRecords records = new PortalRecords(catalog, store, ledger, dir).seed(search);
        BrowserContext phone = context.browser().newContext(new Browser.NewContextOptions().setBaseURL(url(""))
                .setLocale("zh-CN").setViewportSize(360, 740).setHasTouch(true));
        List<String> dialogs = new ArrayList<>();
        try {
            Page p = phone.newPage();
            p.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            });
            p.navigate(url("/portal"));
            assertThat(p.locator("h1")).hasText("查阅开放档案");
            assertThat(p.getByRole(com.microsoft.playwright.options.AriaRole.SEARCH)).isVisible();
            assertNoSidewaysScroll(p);
            shot(p, "portal-first-step");

            tabUntil(p, "document.activeElement.id === 'q'", 12);
            p.keyboard().type(records.fonds);
            p.keyboard().press("Enter");
            assertThat(p.locator("#result-count")).hasText("共找到 3 件开放档案");
            assertThat(p.locator("#result-count")).hasAttribute("aria-live", "polite");
            assertThat(p.locator(".hit")).hasCount(3);
            Locator thumbnail = p.locator("a[href$='/portal/items/" + records.notice.id().value() + "'] img.thumb");
            assertThat(thumbnail).hasAttribute("alt", Pattern.compile(".*第 1 页缩略图"));
            p.waitForFunction("img => img.complete && img.naturalWidth > 0", thumbnail.elementHandle());
            assertThat(p.locator(".hit-title", new Page.LocatorOptions().setHasText("<script>"))).hasCount(1);
            assertThat(p.locator(".hit script, .hit img[src='x']")).hasCount(0);
            assertNoSidewaysScroll(p);
            shot(p, "portal-results");

            tabUntil(p, "document.activeElement.classList.contains('hit-link') && document.activeElement"
                    + ".getAttribute('href').endsWith('/portal/items/" + records.notice.id().value() + "')", 40);
            p.keyboard().press("Enter");
            // the viewer writes the page it shows into the address (?page=1) once its script has run
            assertThat(p).hasURL(Pattern.compile(".*/portal/items/" + records.notice.id().value() + "(\\?page=1)?$"));
            assertThat(p.locator("h1")).hasText(PortalRecords.TITLE + " " + records.fonds);
            Locator viewer = p.locator("figure.page-viewer");
            assertThat(viewer).hasAttribute("data-opened", "true");
            assertThat(viewer.locator(".viewer-status")).hasText("第 1 页，共 1 页");
            assertThat(viewer.locator(".viewer-canvas canvas").first()).isVisible();
            assertThat(p.locator("a[href='/portal/register']").last()).isVisible();
            assertThat(p.locator("body")).not().containsText(PortalRecords.NOTE);
            assertNoSidewaysScroll(p);
            shot(p, "portal-record");

            p.locator(".languages a[lang='en']").click();
            assertThat(p.locator("html")).hasAttribute("lang", "en");
            assertThat(p.locator(".description dt").first()).hasText("Archival code");
            assertThat(p.locator("aside.apply h2")).hasText("Request access / register a visit");
            assertNoSidewaysScroll(p);
            p.navigate(url("/portal"));
            assertThat(p.locator("h1")).hasText("Search the open records");
            shot(p, "portal-english");
        } finally {
            phone.close();
        }
        assertThat(dialogs).as("stored script never runs").isEmpty();
    }

    private static void tabUntil(Page p, String condition, int most) {
        for (int i = 0; i < most; i++) {
            p.keyboard().press("Tab");
            if ((Boolean) p.evaluate(condition)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached: " + condition);
    }

    private static void assertNoSidewaysScroll(Page p) {
        Object widths = p.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        List<?> w = (List<?>) widths;
        assertThat(((Number) w.get(0)).intValue()).as("page width at 360 px (scroll, client): %s", widths)
                .isLessThanOrEqualTo(((Number) w.get(1)).intValue());
    }

    private static void shot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "PortalBrowserTest", name + ".png")));
    }
}
