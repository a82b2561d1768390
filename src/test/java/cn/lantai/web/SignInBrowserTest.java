package cn.lantai.web;

import java.util.regex.Pattern;

import cn.lantai.support.Account;
import cn.lantai.support.Staff;
import cn.lantai.support.BrowserTest;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Signing in and out, the top bar, the language switch and the keyboard, in a browser. */
class SignInBrowserTest extends BrowserTest {

    @Test
    void aPageAskedForBeforeSigningInOpensAfterSigningInThroughTheLabelledForm() {
        staff.token(Account.ARCHIVIST.username());
        visit("/search");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.getByLabel("用户名").fill(Account.ARCHIVIST.username());
        page.getByLabel("密码").fill(Account.ARCHIVIST.password());
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page).hasURL(Pattern.compile(".*/search(\\?continue)?$"));
        assertThat(page.locator(".topbar")).containsText("当前用户：archivist");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("主导航"))).containsText("著录");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        signIn(Account.ARCHIVIST);
        page.locator(".logout button").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("已退出");
        visit("/login");
        page.locator("#username").fill("admin");
        page.locator("#password").fill("not-the-password");
        page.locator("#password").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("用户名或密码错误，或账户已锁定");
    }

    @Test
    void englishCanBeChosenAndStaysChosenUntilChineseIsChosenAgain() {
        signIn(Account.ARCHIVIST);
        page.getByText("English").click();
        assertThat(page.locator(".sections")).containsText("Catalogue");
        assertThat(page.locator(".sections")).containsText("Import");
        page.locator(".sections").getByText("Search").click();
        assertThat(page.getByLabel("Search words")).isVisible();
        assertThat(page.locator(".topbar")).containsText("Signed in as archivist");
        page.getByText("中文").click();
        assertThat(page.getByLabel("检索词")).isVisible();
    }

    @Test
    void theKeyboardReachesTheContentFirstAndSearchesWithEnter() {
        signIn(Account.ARCHIVIST);
        visit("/catalogue");
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#main")).isFocused();
        // the search page puts the cursor in its box on arrival: words can be typed at once
        visit("/search");
        assertThat(page.getByLabel("检索词")).isFocused();
        page.keyboard().type("通知");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/search\\?q=%E9%80%9A%E7%9F%A5.*"));
        screenshot("searched-with-keyboard");
    }
}
