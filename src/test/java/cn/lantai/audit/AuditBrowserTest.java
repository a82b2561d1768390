package cn.lantai.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The auditor filters the trail and groups an import's entries into one row with the keyboard alone, and reads it
 * in Chinese.
 */
class AuditBrowserTest extends BrowserTest {

    private static final int MAX_TABS = 60;

    @Autowired
    AuditTrail audit;

    @Test
    void theAuditorFiltersByPersonAndActionAndGroupsAnImportWithTheKeyboardAlone() {
        String who = "键盘" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        long op = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        List<AuditEvent> imported = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            imported.add(new AuditEvent(who, "10.3.3.3", "catalog.import", "item:" + (800_000 + i) + " op:" + op,
                    null, "{\"*\":\"0099-WS·2020-Y-" + i + "\",\"classification\":\"SECRET\"}"));
        }
        audit.recordAll(imported);
        audit.record(new AuditEvent(who, "10.3.3.4", "login.failure", who, null, "BadCredentialsException"));
        audit.record(new AuditEvent(who, "10.3.3.4", "login.success", who, null, null));

        signIn(Account.AUDITOR);
        visit("/audit");
        tabTo("#f-actor");
        page.keyboard().type(who);
        tabTo("#f-action");
        chooseWithArrows("#f-action", "login.failure");
        tabTo(".audit-filters button[type=submit]");
        page.keyboard().press("Enter");

        assertThat(page.locator("#audit-total")).hasText("共 1 条");
        assertThat(page.locator("table.audit-entries tbody tr")).containsText("登录失败");
        assertThat(page.locator("table.audit-entries tbody tr")).containsText("密码错误或账户不存在");
        assertThat(page.locator("table.audit-entries tbody tr")).not().containsText("Exception");
        screenshot("filtered-by-person-and-action");

        tabTo("#f-action");
        chooseWithArrows("#f-action", "");
        tabTo("#f-grouped");
        page.keyboard().press("Space");
        tabTo(".audit-filters button[type=submit]");
        page.keyboard().press("Enter");

        assertThat(page.locator("#audit-total")).hasText("共 3 项操作");
        assertThat(page.locator("table.audit-groups tbody tr")).hasCount(3);
        assertThat(page.locator("table.audit-groups tbody tr").nth(2)).containsText("导入目录");
        assertThat(page.locator("table.audit-groups tbody tr").nth(2)).containsText("30");
        tabTo("details.operation summary");
        page.keyboard().press("Enter");
        assertThat(page.locator(".operation-entries li")).hasCount(21);
        assertThat(page.locator(".operation-entries")).containsText("新建条目（档号）：0099-WS·2020-Y-30");
        assertThat(page.locator(".operation-entries")).containsText("密级：机密");
        assertThat(page.locator(".operation-entries")).containsText("另有 10 条未列出");
        screenshot("grouped-by-operation-opened");

        page.setViewportSize(1024, 768);
        screenshot("grouped-at-1024");
    }

    /** Presses Tab until the element the selector names has the focus. */
    private void tabTo(String selector) {
        for (int i = 0; i < MAX_TABS; i++) {
            if ((Boolean) page.evaluate("s => document.activeElement === document.querySelector(s)", selector)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    /** In the focused choice, presses the arrow keys until the value is chosen. */
    private void chooseWithArrows(String selector, String value) {
        // down to the last choice, then up to the first: every choice is passed whatever the list's length
        String key = "ArrowDown";
        String before = null;
        for (int i = 0; i < 2_000; i++) {
            String now = page.locator(selector).inputValue();
            if (now.equals(value)) {
                return;
            }
            if (now.equals(before)) {
                if (key.equals("ArrowUp")) {
                    break;
                }
                key = "ArrowUp";
            }
            before = now;
            page.keyboard().press(key);
        }
        throw new AssertionError("the arrows never chose " + value + " in " + selector);
    }
}
