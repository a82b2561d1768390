package cn.lantai.exhibition;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Staff;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A curator builds an exhibition from an open record with a scanned page, previews it, publishes it; an anonymous
 * visitor then finds it on the portal, reads the caption beside the page's image (served by IIIF to anyone), and the
 * visit shows on the curator's page, once however often the visitor reloads.
 */
class ExhibitionBrowserTest extends BrowserTest {

    private static final String CURATOR = "curator-xyz";

    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    PageLedger ledger;

    @TempDir
    Path dir;

    @Test
    void aCuratorPublishesAnExhibitionAndAnAnonymousVisitorSeesItsImageAndIsCounted() {
        staff.ensure(CURATOR, "编研员", null, Classification.NONE, List.of("CURATION"));
        ExhibitRecords records = new ExhibitRecords(catalog, store, ledger, dir);
        String title = "建政档案展 " + records.fonds;
        String caption = "1949 年区人民政府成立时张贴的布告";

        signIn(new Account(CURATOR, Staff.PASSWORD));
        visit("/exhibitions");
        assertThat(page.locator("h1")).hasText("网上展览");
        page.locator("#title").fill(title);
        page.locator("form.new-exhibition button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/exhibitions/[0-9]+$"));
        Matcher m = Pattern.compile("/exhibitions/([0-9]+)$").matcher(page.url());
        assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(1));
        assertThat(page.locator(".state")).hasText("草稿");

        page.locator("#section-title").fill("人民政权的建立");
        page.locator("form.add-section button[type=submit]").click();
        assertThat(page.locator(".exhibition-section h3")).hasText("1. 人民政权的建立");
        Locator add = page.locator("form.add-exhibit").first();
        add.locator("input[name=record]").fill(records.controlled.archivalCode());
        add.locator("textarea[name=caption]").fill("不应展出");
        add.locator("button[type=submit]").click();
        assertThat(page.locator("p.message.error")).containsText("未向社会开放");
        add = page.locator("form.add-exhibit").first();
        add.locator("input[name=record]").fill(records.scanned.archivalCode());
        add.locator("input[name=page]").fill("1");
        add.locator("textarea[name=caption]").fill(caption);
        add.locator("button[type=submit]").click();
        assertThat(page.locator(".exhibit .caption")).hasText(caption);

        page.locator("a[href$='/exhibitions/" + id + "/preview']").click();
        assertThat(page.locator(".preview-banner strong")).hasText("预览");
        assertThat(page.locator("figure.exhibit .caption")).hasText(caption);
        loaded(page, page.locator("img.exhibit-image"));
        assertThat(page.locator("body")).not().containsText("馆内备注勿外传");
        page.locator(".preview-banner a").click();

        page.locator("button.publish").click();
        assertThat(page.locator(".state")).hasText("已发布");
        assertThat(page.locator(".visits")).hasText("0");

        BrowserContext visitor = context.browser().newContext(new Browser.NewContextOptions().setBaseURL(url(""))
                .setLocale("zh-CN").setViewportSize(390, 844));
        try {
            Page p = visitor.newPage();
            p.navigate(url("/portal/exhibitions"));
            p.locator(".exhibition-card a", new Page.LocatorOptions().setHasText(title)).click();
            assertThat(p.locator("h1")).hasText(title);
            assertThat(p.locator("figure.exhibit .caption")).hasText(caption);
            assertThat(p.locator("figure.exhibit .record-code")).hasText(records.scanned.archivalCode());
            assertThat(p.locator(".preview-banner")).hasCount(0);
            Locator image = p.locator("img.exhibit-image");
            loaded(p, image);
            String src = image.getAttribute("src");
            assertThat(src).endsWith("/iiif/3/" + records.scanned.id() + "-1/full/!600,600/0/default.jpg");
            APIResponse answer = visitor.request().get(url(src));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().get("content-type")).startsWith("image/jpeg");
            p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "ExhibitionBrowserTest", "portal-exhibition.png")));
            p.reload();
            assertThat(p.locator("figure.exhibit .caption")).hasText(caption);
        } finally {
            visitor.close();
        }

        visit("/exhibitions/" + id);
        assertThat(page.locator(".visits")).hasText("1");
    }

    private static void loaded(Page p, Locator image) {
        assertThat(image).isVisible();
        p.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
    }
}
