package cn.lantai.supervision;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import cn.lantai.catalog.Classification;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Staff;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An inspector walks one law-enforcement inspection through the pages: planned, a notice too late refused and then
 * recorded a month ahead, a team of two refused and one of three set, the findings on site, the rectification notice
 * issued and downloaded as PDF, the unit's fixes, their acceptance, the published result and the follow-up review,
 * which finds one item not fixed and offers a new notice for it.
 */
class InspectionBrowserTest extends BrowserTest {

    private static final String INSPECTOR = "inspector-walk";

    @Autowired
    Inspections inspections;

    @Test
    void anInspectionGoesFromPlanToFollowUpReviewInThePages() throws IOException {
        staff.ensure(INSPECTOR, "执法检查员", null, Classification.NONE, List.of("INSPECTION"));
        String unitName = "检查走查单位" + System.nanoTime() % 100_000;
        String unit = "U" + staff.unitWithFonds(unitName);
        LocalDate today = inspections.today();
        LocalDate planned = today.minusDays(20);

        signIn(new Account(INSPECTOR, Staff.PASSWORD));
        visit("/supervision/inspections");
        page.locator("#unit").selectOption(unit);
        page.locator("#planned").fill(planned.toString());
        page.locator("#subject").fill("《档案法》<b>贯彻</b>执行情况");
        click("制订检查计划");

        assertThat(page.locator("#state")).hasText("已计划");
        assertThat(page.locator(".facts")).containsText("《档案法》<b>贯彻</b>执行情况");
        page.locator("#notice-on").fill(planned.minusDays(3).toString());
        click("登记检查通知");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("不足一个月");
        page.locator("#notice-on").fill(planned.minusMonths(2).toString());
        click("登记检查通知");
        assertThat(page.locator("#state")).hasText("已通知");

        page.locator("#name-1").fill("张检");
        page.locator("#card-1").fill("33010001");
        page.locator("#name-2").fill("李检");
        page.locator("#card-2").fill("33010002");
        click("确定检查组");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("至少需要 3 名");
        assertThat(page.locator("#card-2")).hasValue("33010002");
        page.locator("#name-3").fill("王检");
        page.locator("#card-3").fill("33010003");
        click("确定检查组");
        assertThat(page.locator("#team li")).hasCount(3);

        page.locator("#findings-text").fill("档案室无温湿度记录\n归档文件未按年度整理");
        click("登记现场检查");
        assertThat(page.locator("#findings li")).hasCount(2);

        page.locator("#deadline").fill(today.plusDays(30).toString());
        click("下达整改通知书");
        assertThat(page.locator("p.message[role=status]")).containsText("区档执改〔" + today.getYear() + "〕");
        Download download = page.waitForDownload(() -> page.locator("#rectification-1 a.notice-pdf").click());
        assertThat(new String(Files.readAllBytes(download.path()), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        page.locator("#fix-1").fill("已建立温湿度记录");
        page.locator("#fix-2").fill("已重新整理");
        page.locator("#evidence").fill("记录表照片");
        click("登记整改报告");
        assertThat(page.locator("#state")).hasText("整改已报告");
        click("验收整改");
        assertThat(page.locator("#state")).hasText("整改已验收");
        page.locator("#result-text").fill("该单位已按要求完成整改。");
        click("公布检查结果");
        assertThat(page.locator("#result")).containsText("该单位已按要求完成整改。");

        page.locator("#outcome-2").selectOption("NOT_FIXED");
        click("登记回头看");
        assertThat(page.locator("#state")).hasText("已回头看");
        assertThat(page.locator("#steps tbody tr")).hasCount(9);
        assertThat(page.locator("#items")).hasValue("归档文件未按年度整理");
        screenshot("reviewed");

        visit("/supervision/inspections");
        assertThat(page.locator("#inspections")).containsText(unitName);
        assertThat(page.locator("#published")).containsText("该单位已按要求完成整改。");
    }

    private void click(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }
}
