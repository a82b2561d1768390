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

/**
 * Importing an Excel catalogue in the workbench: upload, column mapping, progress, the report of bad rows; a re-import
 * after a hand correction shows the update and the warning before it runs.
 */
class ImportBrowserTest extends BrowserTest {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogImporter importer;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

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

    /** Uploads a catalogue on the import page and waits on its mapping step. */
    private void upload(Path file) {
        visit("/imports");
        page.getByLabel("目录文件（.xlsx 或 .csv）").setInputFiles(file);
        page.getByLabel("目录文件（.xlsx 或 .csv）").focus();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("列映射");
    }

    private Locator startAndFinish() {
        page.getByText("开始导入").focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/imports/[0-9a-f-]{36}$"));
        Locator progress = page.locator("#progress");
        assertThat(progress).hasAttribute("data-state", "SUCCEEDED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        return progress;
    }

    @Test
    void aReImportAfterAHandCorrectionShowsTheUpdateAndWarnsBeforeOverwritingIt() throws Exception {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "重新导入测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
        String corrected = fonds + "-WS·2019-Y-BGS-0002";
        Path xlsx = Catalogues.standard().items(fonds, 2019, 3).xlsx(tmp);

        signIn(Account.ARCHIVIST);
        upload(xlsx);
        assertThat(page.locator("#import-split")).containsText("新增 3");
        startAndFinish();

        // a colleague corrects a title by hand; then the old sheet is imported again
        ItemId id = new ItemId(jdbc.queryForObject("SELECT id FROM item WHERE archival_code = ?", Long.class,
                corrected));
        catalog.update(id, catalog.item(id, cn.lantai.catalog.Viewer.system()).version(),
                new EntryInput(null, java.util.Map.of(DescriptionField.TITLE, "关于第2号文件的通知（校正错字）"),
                        java.util.Map.of()),
                cn.lantai.catalog.Viewer.staff("李校对", Classification.NONE, true));
        upload(xlsx);
        Locator split = page.locator("#import-split");
        assertThat(split).containsText("更新 1");
        assertThat(split).containsText("未变 2");
        assertThat(split.locator(".hand-edits")).containsText("有 1 条将覆盖人工修改");
        Locator row = split.locator("tr[data-outcome=UPDATED]");
        assertThat(row).containsText(corrected);
        assertThat(row.locator("del")).hasText("关于第2号文件的通知（校正错字）");
        assertThat(row.locator("ins")).hasText("关于第2号文件的通知");
        assertThat(row.locator(".hand-edit")).containsText("将覆盖人工修改：李校对");
        assertThat(page.getByLabel("覆盖人工修改（上次导入后被人修改过的条目也按文件内容更新）")).isVisible();
        screenshot("re-import-warns");

        // 更新已有条目 ticked from the keyboard, 覆盖人工修改 left alone: the hand correction stays
        page.locator("#update-existing").focus();
        page.keyboard().press("Space");
        assertThat(page.locator("#update-existing")).isChecked();
        assertThat(page.locator("#overwrite-hand-edits")).not().isChecked();
        Locator progress = startAndFinish();
        assertThat(progress.locator(".split-counts")).containsText("拒绝 1");
        assertThat(progress.locator("table.report")).containsText(corrected);
        assertThat(progress.locator("table.report")).containsText("李校对");
        screenshot("re-import-kept-hand-edit");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "SELECT title FROM item WHERE archival_code = ?", String.class, corrected))
                .isEqualTo("关于第2号文件的通知（校正错字）");

        visit("/imports");
        assertThat(page.locator("table.past tbody tr").first()).containsText("已完成");
        screenshot("past-imports");
    }
}
