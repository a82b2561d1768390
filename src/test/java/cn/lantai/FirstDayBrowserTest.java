package cn.lantai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive's first day, from a fresh install to the auditor's page, in pages only (issue 9's first "Done when"):
 * the three administrators sign in with the one-time passwords the first start wrote to
 * {@code <data-dir>/initial-passwords.txt} and choose their own; the system administrator makes a unit and an archivist,
 * the security administrator grants her the roles 著录 and 鉴定 and a clearance and confirms the new account; the
 * archivist registers a fonds and a category with two fields of its own, imports a catalogue, corrects a title by hand,
 * re-imports a changed sheet and reads the update preview with its warning, makes a file (卷) with two items,
 * bulk-edits, renumbers and exports; the auditor then finds each of these on the audit page, in Chinese.
 *
 * <p>The one browser test with a Spring context of its own: it needs what no other test may have, an empty database
 * and data directory and administrators without preset passwords. The data directory is fixed once per run (a new
 * folder under {@code target/test-data}) rather than taken from the test profile's {@code ${random.uuid}}, which
 * resolves anew each time it is read: the test must read the same {@code initial-passwords.txt} the server wrote.
 * Nothing here calls a service or the API to change data; the only thing read outside the browser is the password
 * file, as the server's operator would.
 */
@TestPropertySource(properties = {"lantai.admin-password=", "lantai.secadmin-password=", "lantai.auditor-password="})
class FirstDayBrowserTest extends BrowserTest {

    private static final Path DATA_DIR = Path.of("target", "test-data", "first-day-" + UUID.randomUUID())
            .toAbsolutePath();

    private static final String ARCHIVIST = "zhangsan";
    private static final String ARCHIVIST_PASSWORD = "Dangan-Zhulu-2026";
    private static final String FONDS = "0301";
    private static final String CATEGORY = "HT";

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry properties) {
        properties.add("lantai.data-dir", DATA_DIR::toString);
    }

    @Autowired
    Environment environment;

    @TempDir
    Path tmp;

    @Test
    void fromAFreshInstallToTheAuditorsPageInPagesOnly() throws IOException {
        aFreshInstall();
        theAdministratorsChooseTheirPasswordsAndMakeTheFirstArchivist();
        theArchivistRegistersAFondsAndACategoryWithTwoFieldsOfItsOwn();
        String corrected = theArchivistImportsACatalogueAndCorrectsATitle();
        theReImportShowsTheUpdatesAndWarnsAboutTheHandEdit(corrected);
        theArchivistMakesAFileWithTwoItems();
        theArchivistBulkEditsRenumbersAndExports();
        theAuditorFindsEachChangeInChinese();
    }

    /** The database and data directory are this context's own and new: only the first start's three accounts. */
    private void aFreshInstall() {
        assertThat(Path.of(environment.getRequiredProperty("lantai.data-dir"))).isEqualTo(DATA_DIR);
        assertThat(environment.getRequiredProperty("spring.datasource.url"))
                .startsWith("jdbc:h2:file:" + DATA_DIR + "/db/");
        assertThat(DATA_DIR.resolve("initial-passwords.txt")).exists();
        assertThat(oneTimePasswordLines()).hasSize(3);
    }

    // ---- 1, 2: the administrators and the first archivist ---------------------------------------------------------

    private void theAdministratorsChooseTheirPasswordsAndMakeTheFirstArchivist() {
        firstSignIn("admin", oneTimePassword("admin"), "Xitong-Guanli-2026", "/admin/users");
        // a fresh install: the three administrators and nobody else
        assertThat(page.locator("#accounts tbody tr")).hasCount(3);
        screenshot("admin-fresh-accounts");

        page.locator("nav.subnav").getByText("机构", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/admin/units$"));
        page.locator("#unit-code").fill("QDAJ");
        page.locator("#unit-name").fill("区档案局");
        page.locator("#unit-name").press("Enter");
        assertThat(page.locator("#unit-QDAJ")).containsText("区档案局 (QDAJ)");
        screenshot("unit-created");

        page.locator("nav.subnav").getByText("账户", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#new-username").fill(ARCHIVIST);
        page.locator("#new-name").fill("张三");
        page.locator("#new-unit").selectOption("QDAJ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建账户")).click();
        assertThat(page.locator("#one-time-password")).isVisible();
        String archivistOneTime = page.locator("#one-time-password").textContent().strip();
        assertThat(page.locator("#account-" + ARCHIVIST)).containsText("新账户，待确认");
        screenshot("archivist-created");
        signOut();

        firstSignIn("secadmin", oneTimePassword("secadmin"), "Baomi-Guanli-2026", "/admin/pending");
        page.locator("nav.subnav").getByText("账户", new Locator.GetByTextOptions().setExact(true)).click();
        Locator row = page.locator("#account-" + ARCHIVIST);
        row.locator("summary", new Locator.LocatorOptions().setHasText("角色、密级与职责")).click();
        row.locator("input[value=CATALOGUING]").check();
        row.locator("input[value=APPRAISAL]").check();
        page.locator("#clearance-" + ARCHIVIST).selectOption("SECRET");
        row.locator("button.primary", new Locator.LocatorOptions().setHasText("保存")).last().click();
        assertThat(page.locator("#account-" + ARCHIVIST)).containsText("著录");
        assertThat(page.locator("#account-" + ARCHIVIST)).containsText("机密");
        screenshot("archivist-granted");
        signOut();

        firstSignIn(ARCHIVIST, archivistOneTime, ARCHIVIST_PASSWORD, "/catalogue");
        signOut();

        signIn("secadmin", "Baomi-Guanli-2026", "/admin/pending");
        Locator pending = page.locator("#pending-changes tr", new Page.LocatorOptions().setHasText(ARCHIVIST));
        pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认")).click();
        assertThat(page.locator("#pending-changes tr", new Page.LocatorOptions().setHasText(ARCHIVIST))).hasCount(0);
        screenshot("archivist-confirmed");
        signOut();
    }

    // ---- 3: fonds and category ------------------------------------------------------------------------------------

    private void theArchivistRegistersAFondsAndACategoryWithTwoFieldsOfItsOwn() {
        signIn(ARCHIVIST, ARCHIVIST_PASSWORD, "/catalogue");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("全宗与门类")).click();
        assertThat(page).hasURL(Pattern.compile(".*/fonds$"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记全宗").setExact(true))
                .or(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("先登记全宗"))).first().click();
        page.locator("#fonds-code").fill(FONDS);
        page.locator("#fonds-name").fill("区档案局");
        page.locator("#fonds-unit").selectOption("QDAJ");
        page.locator("#fonds-start").fill("1984");
        page.locator("#fonds-end").fill("2024");
        page.locator("#fonds-end").press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("全宗已保存");
        assertThat(page.locator("table.list")).containsText("区档案局");
        screenshot("fonds-registered");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("门类").setExact(true)).first().click();
        assertThat(page).hasURL(Pattern.compile(".*/categories$"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("定义门类").setExact(true)).click();
        page.locator("#category-code").fill(CATEGORY);
        page.locator("#category-name").fill("合同");
        page.locator("#f0-key").fill("contractNo");
        page.locator("#f0-label").fill("合同编号");
        page.locator("#f0-maxLength").fill("30");
        page.locator("#f0-mandatory").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加字段")).click();
        assertThat(page.locator("#f1-key")).isVisible();
        page.locator("#f1-key").fill("kind");
        page.locator("#f1-label").fill("合同类别");
        page.locator("#f1-type").selectOption("CHOICE");
        page.locator("#f1-vocabulary").fill("采购\n租赁\n服务");
        screenshot("category-typed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("门类已保存");
        assertThat(page.locator("table.list")).containsText("合同编号");
        assertThat(page.locator("table.list")).containsText("合同类别");
        screenshot("category-saved");
    }

    // ---- 4, 5: import and a hand correction -----------------------------------------------------------------------

    private static final String[] HEADER = {"档号", "题名", "责任者", "日期", "合同编号", "合同类别"};

    private static String code(int n) {
        return String.format("%s-%s·2019-Y-BGS-%04d", FONDS, CATEGORY, n);
    }

    private static Catalogues catalogue(String titleOf5) {
        Catalogues sheet = Catalogues.withHeader(HEADER);
        String[] kinds = {"采购", "租赁", "服务"};
        for (int n = 1; n <= 12; n++) {
            String title = n == 5 ? titleOf5 : "区档案局第" + n + "号合同";
            sheet.row(code(n), title, "区档案局", String.format("2019-%02d-10", n), "HT2019-" + n, kinds[n % 3]);
        }
        return sheet;
    }

    private String theArchivistImportsACatalogueAndCorrectsATitle() throws IOException {
        Path first = catalogue("区档案局第5号合同").xlsx(Files.createDirectories(tmp.resolve("first")));
        page.locator(".sections").getByText("导入").click();
        upload(first);
        assertThat(page.getByLabel("合同编号", new Page.GetByLabelOptions().setExact(true))).hasValue("合同编号");
        assertThat(page.locator("#import-split")).containsText("新增 12");
        screenshot("first-import-preview");
        Locator progress = startAndFinish();
        assertThat(progress).containsText("接受 12 行");
        screenshot("first-import-done");

        // the tree leads to the group; the second item's title is corrected by hand
        visit("/catalogue");
        page.locator("summary", new Page.LocatorOptions().setHasText(FONDS)).first().click();
        page.locator(".tree").getByText("2019").first().click();
        assertThat(page.locator("#items h2")).containsText("共 12 件");
        page.getByText(code(2), new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h1")).containsText("区档案局第2号合同");
        page.getByText("修改", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/items/\\d+/edit$"));
        page.getByLabel("题名").fill("区档案局第2号合同（校正）");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("已保存修改");
        assertThat(page.locator("h1")).containsText("区档案局第2号合同（校正）");
        screenshot("title-corrected");
        return page.url();
    }

    // ---- 6: the re-import -----------------------------------------------------------------------------------------

    private void theReImportShowsTheUpdatesAndWarnsAboutTheHandEdit(String correctedItem) throws IOException {
        Path second = catalogue("区档案局第5号合同（补充协议）").xlsx(Files.createDirectories(tmp.resolve("second")));
        page.locator(".sections").getByText("导入").click();
        upload(second);
        Locator split = page.locator("#import-split");
        assertThat(split).containsText("更新 2");
        assertThat(split).containsText("未变 10");
        assertThat(split.locator(".hand-edits")).containsText("有 1 条将覆盖人工修改");
        Locator changed = split.locator("tr[data-outcome=UPDATED]", new Locator.LocatorOptions().setHasText(code(5)));
        assertThat(changed.locator("del")).hasText("区档案局第5号合同");
        assertThat(changed.locator("ins")).hasText("区档案局第5号合同（补充协议）");
        Locator handEdited = split.locator("tr[data-outcome=UPDATED]", new Locator.LocatorOptions().setHasText(code(2)));
        assertThat(handEdited.locator("del")).hasText("区档案局第2号合同（校正）");
        assertThat(handEdited.locator(".hand-edit")).containsText("将覆盖人工修改：" + ARCHIVIST);
        screenshot("re-import-preview");

        // update the existing items, but keep the hand correction
        page.locator("#update-existing").check();
        assertThat(page.locator("#overwrite-hand-edits")).not().isChecked();
        Locator progress = startAndFinish();
        assertThat(progress.locator(".split-counts")).containsText("更新 1");
        assertThat(progress.locator(".split-counts")).containsText("拒绝 1");
        screenshot("re-import-done");

        page.navigate(correctedItem);
        assertThat(page.locator("h1")).containsText("区档案局第2号合同（校正）");
    }

    // ---- 7: a file (卷) with items --------------------------------------------------------------------------------

    private void theArchivistMakesAFileWithTwoItems() {
        visit("/volumes");
        page.locator("#g-fonds").selectOption(FONDS);
        page.locator("#g-category").selectOption(CATEGORY);
        page.locator("#g-year").fill("2020");
        page.locator("#g-retention").selectOption("Y");
        page.locator("#g-org").fill("BGS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("显示")).click();
        assertThat(page.locator("#content")).containsText("此分组还没有案卷");
        page.locator("#nf-title").fill("2020年区档案局合同");
        page.locator("#nf-start").fill("2020-01-01");
        page.locator("#nf-end").fill("2020-12-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("建卷")).click();
        assertThat(page).hasURL(Pattern.compile(".*/volumes/\\d+$"));
        assertThat(page.locator("h1 .code")).hasText(FONDS + "-" + CATEGORY + "·2020-Y-BGS-0001");
        String file = page.url();

        for (int n = 1; n <= 2; n++) {
            page.getByText("新建条目", new Page.GetByTextOptions().setExact(true)).first().click();
            assertThat(page.locator("#code-preview")).containsText(FONDS + "-" + CATEGORY + "·2020-Y-BGS-0001-000" + n);
            page.locator("#f-title").fill("卷内第" + n + "号物业服务合同");
            page.locator("#f-date").fill("2020-0" + n + "-15");
            page.locator("#f-creator").fill("区档案局");
            page.getByLabel("合同编号").fill("HT2020-" + n);
            page.getByLabel("合同类别").selectOption("服务");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
            assertThat(page.locator("h1 .code")).hasText(FONDS + "-" + CATEGORY + "·2020-Y-BGS-0001-000" + n);
            page.navigate(file);
        }
        assertThat(page.locator("table.file-items tbody tr")).hasCount(2);
        assertThat(page.locator("table.file-items")).containsText("卷内第2号物业服务合同");
        screenshot("file-with-two-items");
    }

    // ---- 8, 9, 10: bulk edit, renumber, export --------------------------------------------------------------------

    private void theArchivistBulkEditsRenumbersAndExports() throws IOException {
        String group = "/catalogue?fonds=" + FONDS + "&category=" + CATEGORY + "&year=2019&retention=Y&org=BGS";
        visit(group);
        assertThat(page.locator("#items h2")).containsText("共 12 件");
        page.getByLabel("选择 " + code(11)).check();
        page.getByLabel("选择 " + code(12)).check();
        assertThat(page.locator("[data-selected-count]")).containsText("已选 2 件");
        screenshot("two-selected");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("批量修改")).click();
        assertThat(page.locator(".selection-summary")).containsText("已选 2 件");
        // 保管期限 is the field offered first; choosing it again would reload the value's choices under the test
        assertThat(page.locator("#bulk-field")).hasValue("retention");
        page.locator("#bulk-value-input").selectOption("D30");
        assertThat(page.locator("#bulk-value-input")).hasValue("D30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("预览")).click();
        assertThat(page.locator(".bulk-preview .changing")).hasText("将修改 2 件");
        screenshot("bulk-preview");
        page.locator(".bulk-preview button").click();
        assertThat(page.locator(".result")).containsText("定期30年");
        screenshot("bulk-done");

        // ten items stay in the group: 0010 first, 0001 last
        visit(group);
        assertThat(page.locator("#items h2")).containsText("共 10 件");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("调整件号")).click();
        assertThat(page.locator("h1 .code")).hasText(FONDS + "-" + CATEGORY + "·2019-Y-BGS");
        Locator rows = page.locator("tbody[data-reorder] tr");
        assertThat(rows).hasCount(10);
        rows.filter(new Locator.FilterOptions().setHasText("区档案局第1号合同")).locator("input[type=text]").fill("10");
        rows.filter(new Locator.FilterOptions().setHasText("区档案局第10号合同")).locator("input[type=text]").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("预览")).click();
        assertThat(page.locator(".renumber-preview [role=status]")).hasText("2 件的档号将改变");
        screenshot("renumber-preview");
        page.locator(".renumber-preview button").click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("件号已调整");
        assertThat(page.locator("tbody[data-reorder] tr").first()).containsText("区档案局第10号合同");
        screenshot("renumbered");

        visit(group);
        page.getByLabel("选择 " + code(1)).check();
        page.getByLabel("选择 " + code(2)).check();
        page.getByLabel("选择 " + code(3)).check();
        assertThat(page.locator("[data-selected-count]")).containsText("已选 3 件");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("导出 Excel")).click());
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).endsWith(".xlsx");
        Path exported = tmp.resolve("export.xlsx");
        download.saveAs(exported);
        byte[] bytes = Files.readAllBytes(exported);
        assertThat(bytes.length).isGreaterThan(100);
        assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        signOut();
    }

    // ---- 11: the auditor ------------------------------------------------------------------------------------------

    private void theAuditorFindsEachChangeInChinese() {
        firstSignIn("auditor", oneTimePassword("auditor"), "Shenji-Chakan-2026", "/audit");

        // the account was made by the system administrator: found by the action, naming the archivist
        auditFilter("", "account.create");
        Locator entries = page.locator("table.audit-entries tbody");
        assertThat(entries).containsText("创建账户");
        assertThat(entries).containsText(ARCHIVIST);
        screenshot("audit-account-created");

        String[][] archivistActions = {
                {"login.success", "登录成功"},
                {"account.password-change", "修改密码"},
                {"catalog.define-fonds", "登记全宗"},
                {"catalog.define-category", "定义门类"},
                {"catalog.import", "导入目录"},
                {"catalog.update", "修改著录"},
                {"catalog.create_file", "新建案卷"},
                {"catalog.create", "新建著录"},
                {"catalog.bulk_edit", "批量修改著录"},
                {"catalog.renumber", "调整件号"},
                {"catalog.export", "导出目录"}};
        for (String[] action : archivistActions) {
            auditFilter(ARCHIVIST, action[0]);
            assertThat(page.locator("#audit-total")).not().hasText("共 0 条");
            assertThat(entries.locator("tr").first()).containsText(action[1]);
            assertThat(entries.locator("tr").first()).containsText(ARCHIVIST);
            assertNothingRaw();
            screenshot("audit-" + action[0].replace('.', '-').replace('_', '-'));
        }
        // the export names what it took as the trail names other targets, not as a Java record
        auditFilter(ARCHIVIST, "catalog.export");
        assertThat(entries.locator("tr").first()).containsText("items:");
        assertThat(entries.locator("tr").first()).not().containsText("ItemFilter");

        // everything the archivist did, grouped by operation: an import is one row
        auditFilter(ARCHIVIST, "");
        page.locator("#f-grouped").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
        assertThat(page.locator("table.audit-groups")).containsText("导入目录");
        assertThat(page.locator("table.audit-groups")).containsText("批量修改著录");
        assertNothingRaw();
        screenshot("audit-grouped");
    }

    private void auditFilter(String actor, String action) {
        visit("/audit");
        page.locator("#f-actor").fill(actor);
        page.locator("#f-action").selectOption(action);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
        assertThat(page.locator("#f-action")).hasValue(action);
        assertThat(page).hasURL(Pattern.compile(".*/audit\\?.*"));
    }

    /** The auditor reads Chinese: no JSON, no exception names, no action codes. */
    private void assertNothingRaw() {
        Locator main = page.locator("#main");
        assertThat(main).not().containsText("Exception");
        assertThat(main).not().containsText("{\"");
        assertThat(main).not().containsText("catalog.");
        assertThat(main).not().containsText("login.success");
        assertThat(main).not().containsText("=null");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private List<String[]> oneTimePasswordLines() {
        try {
            List<String[]> lines = new ArrayList<>();
            for (String line : Files.readAllLines(DATA_DIR.resolve("initial-passwords.txt"), StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    lines.add(line.split("\t"));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The one-time password the first start wrote for the account, as its operator reads it from the file. */
    private String oneTimePassword(String username) {
        return oneTimePasswordLines().stream().filter(l -> l[2].startsWith(username + " ("))
                .map(l -> l[3]).findFirst().orElseThrow(() -> new AssertionError("no one-time password for " + username));
    }

    private void typeCredentials(String username, String password) {
        visit("/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#password").press("Enter");
    }

    private void signIn(String username, String password, String landing) {
        typeCredentials(username, password);
        assertThat(page).hasURL(Pattern.compile(".*" + landing + "$"));
    }

    /** Signs in with a one-time password, is made to choose a new one, and signs in with it to their own work. */
    private void firstSignIn(String username, String oneTime, String chosen, String landing) {
        typeCredentials(username, oneTime);
        assertThat(page).hasURL(Pattern.compile(".*/account/password$"));
        page.getByLabel("当前密码").fill(oneTime);
        page.getByLabel("新密码", new Page.GetByLabelOptions().setExact(true)).fill(chosen);
        page.getByLabel("再次输入新密码").fill(chosen);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存新密码")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?changed$"));
        signIn(username, chosen, landing);
        screenshot(username + "-first-landing");
    }

    private void signOut() {
        page.locator("form.logout button").click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
    }

    private void upload(Path file) {
        assertThat(page).hasURL(Pattern.compile(".*/imports$"));
        page.getByLabel("目录文件（.xlsx 或 .csv）").setInputFiles(file);
        page.getByText("上传并预览").click();
        assertThat(page.locator("h1")).hasText("列映射");
    }

    private Locator startAndFinish() {
        page.getByText("开始导入").click();
        assertThat(page).hasURL(Pattern.compile(".*/imports/[0-9a-f-]{36}$"));
        Locator progress = page.locator("#progress");
        assertThat(progress).hasAttribute("data-state", "SUCCEEDED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
        return progress;
    }
}
