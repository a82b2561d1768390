package cn.lantai.identity;

import java.util.List;
import java.util.regex.Pattern;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.SearchIndexed;
import cn.lantai.support.Staff;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Clearances, the three administrators and the audit trail, as people meet them in the workbench. */
class SecurityBrowserTest extends BrowserTest {

    @Autowired
    CatalogManagement catalog;
    @Autowired
    SearchManagement search;

    String fonds;

    @BeforeEach
    void aFonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "安全浏览器测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    private void signOut() {
        page.locator("form.logout button").click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
    }

    private void signInAs(String username, String password) {
        page.navigate(url("/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#password").press("Enter");
    }

    @Test
    void anEditIsSeenByTheAuditorOnTheAuditPageAndTheChainVerifies() {
        Item item = catalog.create(Entries.item(fonds, 2018, "关于档案馆消防演练的通知").input(), Viewer.system());

        signIn(Account.ARCHIVIST);
        visit("/items/" + item.id().value() + "/edit");
        page.getByLabel("题名").fill("关于档案馆消防安全演练的通知");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator("h1")).containsText("关于档案馆消防安全演练的通知");
        signOut();

        signIn(Account.AUDITOR);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("审计")).click();
        page.getByLabel("档案（档号或条目号）").fill(String.valueOf(item.id().value()));
        page.getByLabel("操作", new Page.GetByLabelOptions().setExact(true)).selectOption("catalog.update");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
        assertThat(page.locator("table.audit-entries tbody tr")).hasCount(1);
        assertThat(page.locator("table.audit-entries tbody tr")).containsText(Staff.ARCHIVIST);
        assertThat(page.locator("table.audit-entries tbody tr")).containsText("修改著录");
        // which field changed, its values as digests: the titles themselves stay in the item's history
        assertThat(page.locator("table.audit-entries tbody tr")).containsText("题名：（已加密摘要）");
        assertThat(page.locator("table.audit-entries tbody tr")).not().containsText("sm3:");
        assertThat(page.locator("table.audit-entries tbody tr")).not().containsText("消防");
        screenshot("audit-entry");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("校验整条日志链")).click();
        assertThat(page.locator("#verification")).containsText("日志链完整");
    }

    @Test
    void aUserWithSecretClearanceDoesNotSeeAConfidentialItem() {
        String user = "mimi" + fonds;
        staff.ensure(user, "秘密级著录员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item confidential = catalog.create(Entries.item(fonds, 2016, "防汛物资调度机密方案")
                .with(DescriptionField.CLASSIFICATION, "机密").input(), Viewer.system());
        catalog.create(Entries.item(fonds, 2016, "防汛物资调度的通知").input(), Viewer.system());
        SearchIndexed.await(search, new SearchQuery("防汛物资调度", fonds, null, null, null, null, null, null, null,
                SearchQuery.Sort.RELEVANCE, 0, 20, Viewer.system()), 2);

        signInAs(user, Staff.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/catalogue$"));
        visit("/items/" + confidential.id().value());
        assertThat(page.locator("#main")).containsText("未找到");
        assertThat(page.locator("body")).not().containsText("防汛物资调度机密方案");
        visit("/search?q=" + "防汛物资调度");
        assertThat(page.locator("#main")).containsText("防汛物资调度的通知");
        assertThat(page.locator("#main")).not().containsText("机密方案");
        visit("/catalogue?fonds=" + fonds + "&category=WS&year=2016");
        assertThat(page.locator("#items tbody tr")).hasCount(1);
    }

    @Test
    void anAccountIsMadeByTheSystemAdministratorGrantedByTheSecurityAdministratorAndItsPasswordChosenByItsOwner() {
        String clerk = "clerk" + fonds;
        signIn(Account.SYSTEM_ADMIN);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("用户与角色")).click();
        page.getByLabel("登录名").fill(clerk);
        page.getByLabel("姓名").fill("新来的著录员");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建账户")).click();
        String oneTime = page.locator("#one-time-password").textContent().strip();
        // the system administrator is offered no way to grant anything
        assertThat(page.locator("#clearance-" + clerk)).hasCount(0);
        signOut();

        signIn(Account.SECURITY_ADMIN);
        visit("/admin/users");
        page.locator("#account-" + clerk + " summary").click();
        page.locator("#account-" + clerk + " input[value=CATALOGUING]").check();
        page.locator("#clearance-" + clerk).selectOption("SECRET");
        page.locator("#account-" + clerk + " button.primary").click();
        assertThat(page.locator("#account-" + clerk)).containsText("著录");
        assertThat(page.locator("#account-" + clerk)).containsText("机密");
        // nobody grants themselves: the security administrator's own row offers no form (the service refuses anyway,
        // SeparationOfDutiesTest)
        assertThat(page.locator("#account-secadmin details")).hasCount(0);
        signOut();

        signInAs(clerk, oneTime);
        assertThat(page).hasURL(Pattern.compile(".*/account/password$"));
        page.getByLabel("当前密码").fill(oneTime);
        page.getByLabel("新密码", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByLabel("再次输入新密码").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存新密码")).click();
        assertThat(page.locator("#password-problems")).containsText("密码太短");
        page.getByLabel("当前密码").fill(oneTime);
        page.getByLabel("新密码", new Page.GetByLabelOptions().setExact(true)).fill("Dang-an-2026!");
        page.getByLabel("再次输入新密码").fill("Dang-an-2026!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存新密码")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?changed$"));
        signInAs(clerk, "Dang-an-2026!");
        assertThat(page).hasURL(Pattern.compile(".*/catalogue$"));
        visit("/account");
        // the system administrator knew the one-time password: nothing holds until the security administrator confirms
        assertThat(page.locator("p.message")).containsText("新账户尚待安全保密管理员确认");
        signOut();

        signIn(Account.SECURITY_ADMIN);
        visit("/admin/users");
        assertThat(page.locator("#account-" + clerk)).containsText("新账户，待确认");
        visit("/admin/pending");
        page.locator("#pending-changes tr", new Page.LocatorOptions().setHasText(clerk))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认")).click();
        visit("/admin/users");
        assertThat(page.locator("#account-" + clerk)).not().containsText("待确认");
        signOut();

        signInAs(clerk, "Dang-an-2026!");
        visit("/account");
        page.getByLabel("名称").fill("夜间导出");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建令牌")).click();
        assertThat(page.locator("#issued-secret")).containsText("lt_");
    }
}
