package cn.lantai.access;

import static cn.lantai.access.RequestFixtures.APPROVER;
import static cn.lantai.access.RequestFixtures.CLERK;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.audit.ArchiveSeal;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.Derivatives;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.SearchIndexed;
import cn.lantai.support.Staff;
import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Done-when #1 of the access issue, walked end to end in the browser by four people in their own browsers: a visitor
 * on a phone finds an open record on the portal and registers in advance; the desk clerk finds them by their ID
 * number, starts their visit and asks for a controlled record for them; an approver approves it; the visitor opens
 * their slip without signing in and sees the page with the watermark burnt into the served pixels; the clerk issues a
 * certified copy, which the public verification page and the offline check both accept, and refuse once one signed
 * byte is changed; and the statistics count the visit and the certificate.
 */
class AccessWalkBrowserTest extends BrowserTest {

    private static final String VALID = "有效：本馆出具的档案证明";
    private static final String INVALID = "核验未通过";

    @Autowired
    ArchiveClock archiveClock;

    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    PageLedger ledger;
    @Autowired
    DerivativeJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SearchManagement search;
    @Autowired
    Derivatives derivatives;
    @Autowired
    ArchiveSeal seal;

    @TempDir
    Path dir;

    private final List<BrowserContext> others = new ArrayList<>();
    private final List<String> dialogs = new ArrayList<>();
    private int shots;

    @Test
    void aVisitorIsRegisteredServedApprovedCertifiedAndCounted() throws Exception {
        assumeTrue(seal.pdfAvailable(), "no CJK TrueType font here (fonts-arphic-gbsn00lp): certificates skipped");
        RequestFixtures world = new RequestFixtures(catalog, store, ledger, job, jdbc, staff, dir);
        String words = uniqueWords();
        Item open = world.open("关于" + words + "渡口码头的通知");
        Item controlled = world.controlled("关于" + words + "地契的批复", 1);
        SearchIndexed.await(search, SearchQuery.of(words, Viewer.system()), 2);
        String number = ReadingRoomTest.residentId();
        String masked = number.substring(0, 4) + "**********" + number.substring(14);
        String today = archiveClock.today().toString(); // the archive's day, in its own zone
        try {
            // the clerk's figures for today before anyone comes
            signIn(new Account(CLERK, Staff.PASSWORD));
            visit("/use-statistics?from=" + today + "&to=" + today);
            int visitsBefore = figure(today, "利用人次");
            int itemsBefore = figure(today, "利用件次");
            int certificatesBefore = figure(today, "出证份数");

            // 1. the visitor, on a phone, searches in Chinese, opens the record and registers in advance
            Page phone = stranger(360, 740);
            phone.navigate(url("/portal"));
            phone.locator("#q").fill(words);
            phone.locator("#q").press("Enter");
            Locator hit = phone.locator("a.hit-link[href$='/portal/items/" + open.id().value() + "']");
            assertThat(hit).isVisible();
            assertThat(phone.locator("a.hit-link[href$='/portal/items/" + controlled.id().value() + "']"))
                    .hasCount(0);
            shot(phone, "visitor-results");
            hit.click();
            assertThat(phone.locator("h1")).hasText(open.title());
            shot(phone, "visitor-record");
            phone.locator("aside.apply").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("预约登记"))
                    .click();
            assertThat(phone).hasURL(Pattern.compile(".*/portal/register$"));
            phone.getByLabel("姓名").fill("柳如是");
            phone.getByLabel("证件号码").fill(number);
            phone.getByLabel("联系电话").fill("13712345678");
            phone.getByLabel("利用目的").selectOption("PERSONAL_EVIDENCE");
            // the first day offered: the archive's today
            phone.getByLabel("预约日期").fill(phone.getByLabel("预约日期").getAttribute("min"));
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交预约")).click();
            assertThat(phone.locator(".confirmation")).containsText(masked);
            shot(phone, "visitor-registered");

            // 2. the clerk finds them, starts their visit and asks for the controlled record for it
            visit("/reading-room");
            page.locator("#find-idNumber").fill(number);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找")).click();
            assertThat(page.locator(".visitor-card .visitor-name")).hasText("柳如是");
            assertThat(page.locator("#visit-purpose")).hasValue("PERSONAL_EVIDENCE");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始利用")).click();
            Locator row = page.locator("table.desk-visits tbody tr")
                    .filter(new Locator.FilterOptions().setHasText(masked));
            assertThat(row).hasCount(1);
            assertThat(row).containsText("个人取证");
            screenshot("desk-visit-started");
            // the desk shows no visit number; the request form asks for one: it is the row's id (see the report)
            String visitId = row.getAttribute("id").substring("visit-".length());

            // one step from the visit's row to the request form, the record named by its 档号
            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("申请调阅")).click();
            assertThat(page.locator(".chosen-visit")).containsText(masked);
            assertThat(page.locator("#purpose")).hasValue("PERSONAL_EVIDENCE");
            page.locator("#items").fill(controlled.archivalCode());
            page.locator("#reason").fill("办理房屋继承公证");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
            // the printable slip: the request's number, its state, and the visitor's link written out in full
            Locator slipLink = page.locator(".slip-link");
            assertThat(slipLink).isVisible();
            assertThat(page.locator(".request-items")).containsText("待审批");
            String slip = slipLink.getAttribute("href");
            String requestNumber = page.locator(".request-number").textContent().strip();
            screenshot("desk-request-filed");

            // 3. an approver approves it from their queue
            Page approver = stranger(1366, 768);
            signIn(approver, APPROVER);
            approver.navigate(url("/requests/approvals"));
            approver.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(requestNumber).setExact(true))
                    .click();
            assertThat(approver.locator(".reason")).hasText("办理房屋继承公证");
            approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("批准").setExact(true)).click();
            assertThat(approver.locator(".request-items .state")).containsText("已批准");
            shot(approver, "approver-approved");

            // 4. the visitor opens the slip, signed in nowhere, and sees the page watermarked
            Page slipPage = stranger(360, 740);
            slipPage.navigate(slip);
            assertThat(slipPage.locator("h1")).containsText(requestNumber);
            assertThat(slipPage.locator(".request-items .state")).containsText("已批准，可查阅至");
            slipPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查阅").setExact(true)).click();
            assertThat(slipPage.locator("h1")).hasText(controlled.title());
            Locator image = slipPage.locator(".page-images img").first();
            assertThat(image).isVisible();
            slipPage.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
            shot(slipPage, "visitor-slip-page");
            APIResponse served = slipPage.request().get(url(image.getAttribute("src")));
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.headers().get("content-type")).isEqualTo("image/jpeg");
            BufferedImage watermarked = ImageIO.read(new ByteArrayInputStream(served.body()));
            BufferedImage plain = ImageIO.read(derivatives.access(controlled.id(), 1, Viewer.system()).file()
                    .toFile());
            assertThat(Pixels.differingShare(watermarked, plain)).as("the watermark is in the served pixels")
                    .isGreaterThan(0.02);

            // 5. the clerk issues a certificate of the record for the visit and downloads its PDF and OFD
            // from the visit's row on the desk: the form starts with the visit; the record named by its 档号
            visit("/reading-room");
            page.locator("tr#visit-" + visitId).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("出证").setExact(true)).click();
            assertThat(page.locator("#visitId")).hasValue(visitId);
            page.locator("#itemId").fill(controlled.archivalCode());
            page.locator("#purpose").selectOption("PERSONAL_EVIDENCE");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("出证").setExact(true)).click();
            Locator issued = page.locator("p.message[role=status]");
            assertThat(issued).containsText("已出具证明");
            Matcher numberAndCode = Pattern.compile("已出具证明 (\\S+)，核验码 (\\S+)").matcher(issued.textContent());
            assertThat(numberAndCode.find()).as(issued.textContent()).isTrue();
            String certificate = numberAndCode.group(1);
            String code = numberAndCode.group(2);
            Locator certificateRow = page.locator("tr[id='certificate-" + certificate + "']");
            assertThat(certificateRow).containsText(controlled.archivalCode());
            screenshot("desk-certificate-issued");
            byte[] pdf = download(certificateRow, "PDF");
            byte[] ofd = download(certificateRow, "OFD");
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(new String(ofd, 0, 2, StandardCharsets.US_ASCII)).as("an OFD is a zip").isEqualTo("PK");
            byte[] tampered = pdf.clone();
            tampered[CertificateTamperingTest.byteRange(pdf)[1] / 2] ^= 0x01;

            // 6. anyone verifies it on /verify: by number and code, by the file, and a tampered copy fails
            Page verifier = stranger(1366, 768);
            verifier.navigate(url("/verify"));
            verifier.getByLabel("证明编号").fill(certificate);
            verifier.getByLabel("核验码").fill(code);
            verifier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("核验").setExact(true)).click();
            assertThat(verifier.locator("#result h2")).hasText(VALID);
            assertThat(verifier.locator("#result")).containsText(controlled.archivalCode());
            shot(verifier, "verify-by-number");
            verifier.locator("#file").setInputFiles(new FilePayload(certificate + ".pdf", "application/pdf", pdf));
            verifier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传核验")).click();
            assertThat(verifier.locator("#result h2")).hasText(VALID);
            assertThat(verifier.locator("#result")).containsText(certificate);
            shot(verifier, "verify-file");
            verifier.locator("#file").setInputFiles(new FilePayload("tampered.pdf", "application/pdf", tampered));
            verifier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传核验")).click();
            assertThat(verifier.locator("#result h2")).hasText(INVALID);
            shot(verifier, "verify-tampered");

            // 7. the offline check, with nothing but the published public key
            APIResponse keys = verifier.request().get(url("/api/v1/public/keys"));
            assertThat(keys.status()).isEqualTo(200);
            Path pem = Files.writeString(dir.resolve("archive.pub.pem"),
                    (String) JsonPath.read(keys.text(), "$.publicKeyPem"));
            assertThat(offline(Files.write(dir.resolve("certificate.pdf"), pdf), pem)).startsWith("0 ")
                    .contains("VALID:").doesNotContain("NOT VALID");
            assertThat(offline(Files.write(dir.resolve("tampered.pdf"), tampered), pem)).startsWith("1 ")
                    .contains("NOT VALID");

            // 8. the statistics count the visit and the certificate
            visit("/use-statistics?from=" + today + "&to=" + today);
            assertThat(cell(today, "利用人次")).not().hasText(String.valueOf(visitsBefore));
            assertThat(figure(today, "利用人次")).isGreaterThanOrEqualTo(visitsBefore + 1);
            assertThat(figure(today, "利用件次")).as("the visitor's reading through the slip")
                    .isGreaterThanOrEqualTo(itemsBefore + 1);
            assertThat(figure(today, "出证份数")).isGreaterThanOrEqualTo(certificatesBefore + 1);
            screenshot("statistics");
        } finally {
            others.forEach(BrowserContext::close);
        }
        assertThat(dialogs).as("no page opened a JavaScript dialog").isEmpty();
    }

    /** Six Chinese characters of this run, so that the search finds this test's records among everyone's. */
    private static String uniqueWords() {
        String pool = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        Random random = new Random();
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            words.append(pool.charAt(random.nextInt(pool.length())));
        }
        return words.toString();
    }

    /** Another person's browser: a context of its own, Chinese, no cookies. */
    private Page stranger(int width, int height) {
        BrowserContext other = context.browser().newContext(new Browser.NewContextOptions().setBaseURL(url(""))
                .setLocale("zh-CN").setViewportSize(width, height).setHasTouch(width < 600));
        others.add(other);
        Page p = other.newPage();
        p.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        return p;
    }

    private void signIn(Page p, String username) {
        p.navigate(url("/login"));
        p.locator("#username").fill(username);
        p.locator("#password").fill(Staff.PASSWORD);
        p.locator("#password").press("Enter");
        assertThat(p).hasURL(Pattern.compile(".*/catalogue$"));
    }

    private void shot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots",
                getClass().getSimpleName(), String.format("walk-%02d-%s.png", ++shots, name))));
    }

    /** The clerk's download of the certificate's file in the format named by the row's link. */
    private byte[] download(Locator certificateRow, String format) throws Exception {
        Download download = page.waitForDownload(() -> certificateRow.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(format).setExact(true)).click());
        return Files.readAllBytes(download.path());
    }

    /** The statistics table's cell of the day in the named column. */
    private Locator cell(String day, String column) {
        Locator headers = page.locator("#use-figures thead th");
        assertThat(headers.filter(new Locator.FilterOptions().setHasText(column))).hasCount(1);
        List<String> names = headers.allTextContents();
        int index = names.indexOf(column);
        assertThat(index).as("column %s among %s", column, names).isPositive();
        return page.locator("#use-figures tbody tr[data-key='" + day + "'] td").nth(index - 1);
    }

    private int figure(String day, String column) {
        Locator cell = cell(day, column);
        assertThat(cell).isVisible();
        return Integer.parseInt(cell.textContent().strip());
    }

    /** The offline command's exit status and what it printed, as {@code LantaiApplication.main} would run it. */
    private static String offline(Path certificate, Path key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CertificateCheck.run(new String[] {"--" + CertificateCheck.OPTION + "=" + certificate,
                "--" + CertificateCheck.KEY_OPTION + "=" + key}, new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }
}
