package cn.lantai.identity;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators at work, keyboard only: each lands on their own page, and the system administrator sets up a
 * unit with a Chinese name and the first archivist in it.
 */
class AdminBrowserTest extends BrowserTest {

    /** Signs in with the keyboard alone: the name field has the focus on arrival, Tab to the password, Enter. */
    private void signInWithKeyboard(Account account) {
        visit("/login");
        assertThat(page.locator("#username")).isFocused();
        page.keyboard().type(account.username());
        page.keyboard().press("Tab");
        page.keyboard().type(account.password());
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*" + account.landing() + "$"));
    }

    /** Moves the focus with Tab until it is on the element (at most the given presses). */
    private void tabTo(Locator target, int most) {
        for (int i = 0; i < most; i++) {
            if ((Boolean) target.evaluate("e => e === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        assertThat(target).isFocused();
    }

    @Test
    void theSecurityAdministratorLandsOnTheChangesWaitingForConfirmation() {
        signInWithKeyboard(Account.SECURITY_ADMIN);
        assertThat(page.locator("h1")).hasText("待确认的变更");
        assertThat(page.locator("nav.subnav")).containsText("角色与权限");
        assertThat(page.locator("nav.subnav a[aria-current=page]")).hasText("待确认的变更");
        // the security administrator creates no units: no form for it
        visit("/admin/units");
        assertThat(page.locator("#unit-code")).hasCount(0);
        screenshot("secadmin-units-read-only");
    }

    @Test
    void theSystemAdministratorCreatesAUnitWithAChineseNameAndAnArchivistInIt() {
        String code = "QD" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String unitName = "区档案局" + code.substring(2);
        String username = "zhang" + code.substring(2).toLowerCase(Locale.ROOT);

        signInWithKeyboard(Account.SYSTEM_ADMIN);
        assertThat(page.locator("h1")).hasText("账户");
        Locator unitsLink = page.locator("nav.subnav").getByText("机构", new Locator.GetByTextOptions().setExact(true));
        tabTo(unitsLink, 30);
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/admin/units$"));

        // a Chinese name typed as the code: refused beside the field, what was typed kept
        tabTo(page.locator("#unit-code"), 30);
        page.keyboard().type("区档案局");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        page.keyboard().type(unitName);
        page.keyboard().press("Enter");
        assertThat(page.locator("#unit-code-error")).containsText("不能含汉字或空格");
        assertThat(page.locator("#unit-name")).hasValue(unitName);
        screenshot("code-refused-beside-its-field");

        tabTo(page.locator("#unit-code"), 30);
        page.keyboard().press("Control+A");
        page.keyboard().type(code);
        page.keyboard().press("Enter");
        assertThat(page.locator(".flash")).containsText("已保存");
        assertThat(page.locator("#unit-" + code)).containsText(unitName + " (" + code + ")");
        screenshot("unit-created");

        Locator usersLink = page.locator("nav.subnav").getByText("账户", new Locator.GetByTextOptions().setExact(true));
        tabTo(usersLink, 40);
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/admin/users$"));
        tabTo(page.locator("#new-username"), 40);
        page.keyboard().type(username);
        page.keyboard().press("Tab");
        page.keyboard().type("张三");
        page.keyboard().press("Tab");
        Locator unit = page.locator("#new-unit");
        assertThat(unit).isFocused();
        for (int i = 0; i < 500 && !code.equals(unit.inputValue()); i++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(unit.inputValue()).isEqualTo(code);
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#one-time-password")).isVisible();
        Locator row = page.locator("#account-" + username);
        assertThat(row).containsText("张三");
        assertThat(row).containsText("(" + username + ")");
        assertThat(row).containsText(unitName + " (" + code + ")");
        assertThat(row).containsText("新账户，待确认");
        screenshot("archivist-created");
    }
}
