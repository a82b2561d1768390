package cn.lantai.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.Derivatives;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Staff;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk's whole walk in the browser, with the requests: the clerk (利用) registers a visitor and starts their
 * visit, files a request for a controlled scanned record by its 档号 from the visit's row, and gets the printable slip
 * with the visitor's link; an approver (利用审批, another account) approves it; the visitor, signed in nowhere, opens
 * the link and sees the page image with the watermark burnt in; the desk's row shows the approval and the statistics
 * page counts the visit.
 */
class DeskWalkBrowserTest extends BrowserTest {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    ArchiveClock archiveClock;
    @Autowired
    ArchivalStore store;
    @Autowired
    PageLedger ledger;
    @Autowired
    DerivativeJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Derivatives derivatives;

    @TempDir
    Path dir;

    @Test
    void theClerkFilesARequestByCodeForAVisitItIsApprovedAndTheVisitorSeesTheWatermarkedPage() throws IOException {
        RequestFixtures world = new RequestFixtures(catalog, store, ledger, job, jdbc, staff, dir);
        Item item = world.controlled("控制使用的土地征用档案", 1);
        String number = ReadingRoomTest.residentId();
        String masked = number.substring(0, 4) + "**********" + number.substring(14);

        // the clerk: the visitor is not registered yet; registered, their visit started
        signIn(new Account(RequestFixtures.CLERK, Staff.PASSWORD));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("利用登记")).click();
        page.locator("#find-idNumber").fill(number);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找")).click();
        assertThat(page.getByText("未找到该证件的登记")).isVisible();
        page.locator("#reg-name").fill("周来访");
        page.locator("#reg-phone").fill("13812345678");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true)).click();
        page.locator("#visit-purpose").selectOption("PERSONAL_EVIDENCE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始利用")).click();
        Locator row = visitRow(masked);
        assertThat(row).hasCount(1);

        // one step from the visit to the form, the visit chosen; the record named by its 档号
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("申请调阅")).click();
        assertThat(page.locator(".chosen-visit")).containsText("周来访");
        assertThat(page.locator(".chosen-visit")).containsText(masked);
        assertThat(page.locator("#visitId")).hasCount(0);
        assertThat(page.locator("#purpose")).hasValue("PERSONAL_EVIDENCE");
        page.locator("#items").fill(item.archivalCode());
        page.locator("#reason").fill("办理征地补偿证明");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();

        // the printable slip: number, masked visitor, 档号, state, the link in full, what next
        assertThat(page).hasURL(Pattern.compile(".*/requests/[0-9]+/slip$"));
        String requestNumber = page.locator(".request-number").textContent().strip();
        assertThat(page.locator(".slip-visitor")).containsText(masked);
        assertThat(page.locator(".request-items")).containsText(item.archivalCode());
        assertThat(page.locator(".request-items")).containsText("待审批");
        assertThat(page.locator(".slip-next")).isVisible();
        String slip = page.locator(".slip-link").textContent().strip();
        Assertions.assertThat(slip).startsWith(url("/portal/requests/"));
        screenshot("slip");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("nav").first()).isHidden();
        assertThat(page.locator(".slip-link")).isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // the desk lists the visit's request and its state
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("返回利用登记台")).click();
        assertThat(visitRow(masked).locator(".visit-requests")).containsText(requestNumber);
        assertThat(visitRow(masked).locator(".visit-requests")).containsText("待审批");

        // an approver, another account, approves it from their queue
        context.clearCookies();
        signIn(new Account(RequestFixtures.APPROVER, Staff.PASSWORD));
        visit("/requests/approvals");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(requestNumber)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("批准")).click();
        assertThat(page.locator(".request-items")).containsText("已批准");

        // the visitor, signed in nowhere, follows the link and sees the page with the watermark burnt in
        try (BrowserContext visitor = context.browser().newContext(
                new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page own = visitor.newPage();
            own.navigate(slip);
            assertThat(own.locator(".request-items")).containsText("已批准");
            own.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查阅")).click();
            Locator image = own.locator(".page-images img").first();
            assertThat(image).isVisible();
            own.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
            APIResponse served = own.request().get(url(image.getAttribute("src")));
            Assertions.assertThat(served.headers().get("content-type")).isEqualTo("image/jpeg");
            BufferedImage shown = ImageIO.read(new ByteArrayInputStream(served.body()));
            BufferedImage plain = ImageIO.read(derivatives.access(item.id(), 1, Viewer.system()).file().toFile());
            Assertions.assertThat(Pixels.differingShare(shown, plain)).as("the watermark is in the pixels")
                    .isGreaterThan(0.02);
            own.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", getClass().getSimpleName(), "visitor-viewer.png")));
        }

        // the clerk sees the approval arrive at the desk, and the statistics count the visit
        context.clearCookies();
        signIn(new Account(RequestFixtures.CLERK, Staff.PASSWORD));
        visit("/reading-room");
        assertThat(visitRow(masked).locator(".visit-requests")).containsText("已批准");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("利用统计")).click();
        Locator today = page.locator("#use-figures tbody tr[data-key='" + archiveClock.today() + "']");
        assertThat(today.locator("td").nth(0)).not().hasText("0");
        screenshot("statistics");
    }

    private Locator visitRow(String masked) {
        return page.locator("table.desk-visits tbody tr").filter(new Locator.FilterOptions().setHasText(masked));
    }
}
