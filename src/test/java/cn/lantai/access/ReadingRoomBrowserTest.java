package cn.lantai.access;


import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Entries;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatObject;

/**
 * The reading-room desk's walk in the browser: a visitor not yet registered is looked up by their ID number, registered,
 * their visit started, a record they use added by its 档号 and the pages copied; looked up again they are found, not
 * registered twice; and the statistics page counts today's visit in its table and draws its chart. And on a phone, a
 * person registers in advance on the portal, is told of a wrong check digit without losing what they typed, sees only
 * their masked number in the confirmation, and the desk finds them with their planned day and purpose.
 */
class ReadingRoomBrowserTest extends BrowserTest {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    ArchiveClock archiveClock;

    @Test
    void theDeskRegistersAVisitorRecordsTheirUseAndTheStatisticsShowIt() {
        String fonds = staff.unitWithFonds("区档案馆查阅室");
        Item item = catalog.create(Entries.item(fonds, 2020, "关于查阅室开放时间的通知").input(), Viewer.system());
        String number = ReadingRoomTest.residentId();
        String masked = number.substring(0, 4) + "**********" + number.substring(14);

        signIn(Account.ARCHIVIST);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("利用登记")).click();
        page.locator("#find-idNumber").fill(number);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找")).click();
        assertThat(page.getByText("未找到该证件的登记")).isVisible();
        assertThat(page.locator("#reg-idNumber")).hasValue(number);

        page.locator("#reg-name").fill("林<b>黛玉</b>");
        page.locator("#reg-phone").fill("13912345678");
        page.locator("#reg-unit").fill("南京师范大学");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true)).click();
        Locator card = page.locator(".visitor-card");
        assertThat(card.locator(".visitor-name")).hasText("林<b>黛玉</b>");
        assertThat(card.locator(".id-masked")).hasText(masked);
        assertThat(card).containsText("139****5678");
        assertThat(card).not().containsText(number);

        page.locator("#visit-purpose").selectOption("RESEARCH");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始利用")).click();
        Locator row = page.locator("table.desk-visits tbody tr").filter(new Locator.FilterOptions().setHasText(masked));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("学术研究");

        row.locator("input[name=reference]").fill(item.archivalCode());
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登记调阅")).click();
        row = page.locator("table.desk-visits tbody tr").filter(new Locator.FilterOptions().setHasText(masked));
        assertThat(row.locator(".archival-code")).hasText(item.archivalCode());
        row.locator("input[name=pages]").fill("5");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登记复制")).click();
        row = page.locator("table.desk-visits tbody tr").filter(new Locator.FilterOptions().setHasText(masked));
        assertThat(row.locator(".pages-copied")).hasText("5");
        screenshot("visit-recorded");

        // the next day they come again: found by the number, not registered a second time
        page.locator("#find-idNumber").fill(number.toLowerCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找")).click();
        assertThat(page.locator(".visitor-card .visitor-name")).hasText("林<b>黛玉</b>");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("利用统计")).click();
        String today = archiveClock.today().toString();
        Locator todayRow = page.locator("#use-figures tbody tr[data-key='" + today + "']");
        // persons served, files, items, pages: at least this visit's (other tests share the database)
        assertThat(todayRow.locator("td").nth(0)).not().hasText("0");
        assertThat(todayRow.locator("td").nth(2)).not().hasText("0");
        assertThat(todayRow.locator("td").nth(3)).not().hasText("0");
        assertThat(page.locator("#use-chart svg")).hasCount(1);
        screenshot("statistics");
    }
    @Test
    void aPersonRegistersInAdvanceOnAPhoneAndTheDeskFindsThemByTheirNumber() {
        String number = ReadingRoomTest.residentId();
        String masked = number.substring(0, 4) + "**********" + number.substring(14);
        page.setViewportSize(360, 740);
        visit("/portal/register");
        page.getByLabel("姓名").fill("贾宝玉");
        page.getByLabel("证件号码").fill(number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0'));
        page.getByLabel("联系电话").fill("13612345678");
        page.getByLabel("利用目的").selectOption("PERSONAL_EVIDENCE");
        page.getByLabel("预约日期").fill(archiveClock.today().plusDays(2).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交预约")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("校验码");
        assertThat(page.getByLabel("姓名")).hasValue("贾宝玉");
        screenshot("wrong-check-digit");

        page.getByLabel("证件号码").fill(number);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交预约")).click();
        Locator confirmation = page.locator(".confirmation");
        assertThat(confirmation).containsText(masked);
        assertThat(confirmation).containsText("携带");
        assertThat(page.locator("main")).not().containsText("贾宝玉");
        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        assertThatObject(overflow).as("no sideways scrolling at 360 px").isEqualTo(false);
        screenshot("confirmation");

        page.setViewportSize(1366, 768);
        signIn(Account.ARCHIVIST);
        visit("/reading-room");
        page.locator("#find-idNumber").fill(number);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找")).click();
        Locator card = page.locator(".visitor-card");
        assertThat(card.locator(".visitor-name")).hasText("贾宝玉");
        assertThat(card).containsText(archiveClock.today().plusDays(2).toString());
        assertThat(page.locator("#visit-purpose")).hasValue("PERSONAL_EVIDENCE");
    }
}
