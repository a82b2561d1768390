package cn.lantai.digitization;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.TextLedger;
import cn.lantai.digitization.internal.images.PageSamples;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Entries;
import cn.lantai.support.ScanRenderer;
import cn.lantai.support.Staff;
import cn.lantai.support.TesseractAvailable;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The digitizer's whole walk in the browser: a zip of scanned pages uploaded on the scan-batch page is checked and
 * attached, OCR (the real Tesseract) reads the pages, a phrase printed on page 2 is found by the workbench's search, and
 * the hit opens the entry with the deep-zoom viewer at page 2, its tiles served by the IIIF image service.
 */
@ExtendWith(TesseractAvailable.class)
class ScannedPagesBrowserTest extends BrowserTest {

    private static final String DIGITIZER = "digitizer";
    private static final String PHRASE = "退役军人优待证发放";

    @Autowired CatalogManagement catalog;
    @Autowired SearchManagement search;
    @Autowired TextLedger texts;
    @TempDir Path dir;

    @Test
    void aPhraseOnAScannedPageIsFoundAndItsHitOpensTheViewerAtThatPage() throws IOException {
        String fonds = staff.unitWithFonds("区档案馆扫描浏览");
        staff.ensure(DIGITIZER, "数字化员", null, Classification.TOP_SECRET, List.of("DIGITIZATION"));
        Item item = catalog.create(Entries.item(fonds, 2019, "区退役军人事务局文件（扫描件）")
                .with(DescriptionField.PAGES, "3").input(), Viewer.system());
        Path zip = zipOfPages(item.archivalCode(),
                ScanRenderer.a4("区退役军人事务局", List.of("二〇一九年五月八日印发，共三页。"), 16f, 200, false, 1).image(),
                ScanRenderer.a4("关于做好优待证工作的通知", List.of("各街道：现将" + PHRASE + "工作安排通知如下，请认真落实。"),
                        16f, 200, false, 2).image(),
                ScanRenderer.a4("附件", List.of("发放对象名单另附。"), 16f, 200, false, 3).image());

        signIn(new Account(DIGITIZER, Staff.PASSWORD));
        visit("/scan-batches");
        page.getByLabel("上传 zip 包").setInputFiles(zip);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交")).click();
        Locator progress = page.locator("#progress");
        assertThat(progress).hasAttribute("data-state", "DONE");
        assertThat(page.locator("tr[data-state='ATTACHED']")).containsText(item.archivalCode());
        screenshot("attached");

        // OCR runs in the background after attaching; the index follows it
        Viewer digitizer = Viewer.staff(DIGITIZER, Classification.TOP_SECRET, false);
        await().atMost(Duration.ofMinutes(4)).until(() -> texts.of(item.id()).size() == 3
                && search.search(new SearchQuery(PHRASE, fonds, null, null, null, null, null, null, null, null, 0, 10,
                        digitizer)).hits().stream().anyMatch(h -> Integer.valueOf(2).equals(h.page())));

        visit("/search");
        page.getByLabel("检索词").fill(PHRASE);
        page.getByLabel("检索词").press("Enter");
        Locator hit = page.locator(".hit", new Page.LocatorOptions().setHasText("扫描件第 2 页"));
        assertThat(hit).hasCount(1);
        screenshot("found");

        Response tile = page.waitForResponse(r -> r.url().contains("/iiif/3/" + item.id().value() + "-2/")
                && r.url().endsWith("/default.jpg"), () -> hit.getByText("扫描件第 2 页").click());
        org.assertj.core.api.Assertions.assertThat(tile.status()).isEqualTo(200);
        assertThat(page).hasURL(Pattern.compile(".*/items/" + item.id().value() + "\\?page=2$"));
        Locator viewer = page.locator("figure.page-viewer");
        assertThat(viewer).hasAttribute("data-opened", "true");
        assertThat(viewer).hasAttribute("data-current-page", "2");
        assertThat(viewer.locator(".viewer-status")).hasText("第 2 页，共 3 页");
        assertThat(viewer.locator(".viewer-thumbnail")).hasCount(3);
        assertThat(viewer.getByLabel("第 2 页")).hasAttribute("aria-current", "page");
        screenshot("viewer-at-page-2");

        // turning to another page by its thumbnail keeps the address in step
        viewer.getByLabel("第 3 页").click();
        assertThat(viewer.locator(".viewer-status")).hasText("第 3 页，共 3 页");
        assertThat(page).hasURL(Pattern.compile(".*/items/" + item.id().value() + "\\?page=3$"));
    }

    private Path zipOfPages(String archivalCode, java.awt.image.BufferedImage... pages) throws IOException {
        Path folder = dir.resolve("pages");
        Files.createDirectories(folder);
        Path zip = dir.resolve("batch.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < pages.length; i++) {
                Path png = folder.resolve(String.format("%04d.png", i + 1));
                PageSamples.png(pages[i], 200, png);
                out.putNextEntry(new java.util.zip.ZipEntry(archivalCode + "/" + png.getFileName()));
                Files.copy(png, out);
                out.closeEntry();
            }
        }
        return zip;
    }
}
