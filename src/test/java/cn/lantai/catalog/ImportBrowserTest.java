package cn.lantai.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import cn.lantai.catalog.internal.imports.CatalogImporter;
import cn.lantai.support.Staff;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Importing an Excel catalogue in the workbench: upload, column mapping, progress, the report of bad rows. */
class ImportBrowserTest extends BrowserTest {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogImporter importer;

    @TempDir
    Path tmp;

    @AfterEach
    void noHook() {
        importer.afterEachBatch(null);
    }

    @Test
    void aCatalogueIsImportedWhileTheProgressBarRunsToDoneAndItsBadRowIsReported() throws Exception {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "导入浏览器测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
        Path xlsx = Catalogues.standard().items(fonds, 2018, 600)
                .row(fonds + "-WS·2018-Y-BGS-0601", "关于防汛工作的紧急通知", "区应急管理局", "2018-02-30", "", "2", "",
                        "开放", "日期不存在的一行")
                .xlsx(tmp);
        // the job waits after its first batch (500 rows in the test profile) until the page has shown it midway
        CountDownLatch shownMidway = new CountDownLatch(1);
        importer.afterEachBatch(done -> {
            try {
                shownMidway.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        signIn(Account.ARCHIVIST);
        page.locator(".sections").getByText("导入").click();
        page.getByLabel("目录文件（.xlsx 或 .csv）").setInputFiles(xlsx);
        page.getByText("上传并预览").click();

        assertThat(page.locator("h1")).hasText("列映射");
        Locator titleColumn = page.getByLabel("题名", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true));
        assertThat(titleColumn).hasValue("title");
        assertThat(page.locator(".mapping")).containsText("关于第1号文件的通知");
        screenshot("mapping");
        page.getByText("开始导入").click();

        assertThat(page).hasURL(Pattern.compile(".*/imports/[0-9a-f-]{36}$"));
        Locator progress = page.locator("#progress");
        assertThat(progress.locator("progress")).hasAttribute("value", "500");
        assertThat(progress.locator("progress")).hasAttribute("max", "601");
        assertThat(progress).hasAttribute("data-state", "RUNNING");
        assertThat(progress).containsText("正在写入");
        assertThat(progress).hasAttribute("hx-trigger", "every 1s");
        screenshot("midway");
        shownMidway.countDown();

        assertThat(progress).hasAttribute("data-state", "SUCCEEDED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(progress.locator("progress")).hasAttribute("value", "601");
        assertThat(progress).containsText("接受 600 行，拒绝 1 行");
        assertThat(progress.locator("table.report tbody tr")).hasCount(1);
        assertThat(progress.locator("table.report")).containsText("日期");
        assertThat(progress.locator("table.report")).containsText("2018-02-30");
        assertThat(progress.getByText("下载错误报告（CSV）")).isVisible();
        // the finished fragment no longer polls
        assertThat(progress).not().hasAttribute("hx-trigger", "every 1s");
        screenshot("done");

        page.getByText("查看著录").click();
        page.waitForLoadState(); // the tree loads its branches with htmx, which must have started
        page.locator("summary", new com.microsoft.playwright.Page.LocatorOptions().setHasText(fonds)).click();
        page.locator(".tree").getByText("2018").click();
        assertThat(page.locator("#items h2")).containsText(fonds + " · WS · 2018");
        assertThat(page.locator("#items h2")).containsText("共 600 件");
        assertThat(page.locator("#items tbody tr")).hasCount(50);
        assertThat(page.locator(".tree a[aria-current]")).hasText("2018 (600)");
        page.locator("#items").getByText("下一页").click();
        assertThat(page.locator("#items .pager")).containsText("第 2 页，共 12 页");
        assertThat(page).hasURL(Pattern.compile(".*year=2018&page=1$"));
        assertThat(page.locator("#items tbody tr").first()).containsText(fonds + "-WS·2018-Y-BGS-0051");
        assertThat(page.locator(".tree a[aria-current]")).hasText("2018 (600)");
    }
}
