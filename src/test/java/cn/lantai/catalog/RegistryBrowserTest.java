package cn.lantai.catalog;

import java.util.List;
import java.util.regex.Pattern;

import cn.lantai.catalog.FieldDefinition.Type;
import cn.lantai.support.Account;
import cn.lantai.support.BrowserTest;
import cn.lantai.support.Catalogues;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setting up the catalogue in the workbench with the keyboard alone: a fonds registered (and a clash refused beside
 * its field), a category defined with two fields of its own, one with a controlled vocabulary. Focus moves by Tab,
 * by a form's autofocus, or to a named control as a screen-reader user jumps to it; nothing is clicked.
 */
class RegistryBrowserTest extends BrowserTest {

    @Autowired
    CatalogRegistry registry;

    @Test
    void aFondsAndACategoryWithTwoFieldsAreSetUpByKeyboard() {
        String fonds = Catalogues.freshFonds();
        String category = RegistryPagesTest.freshCategory(registry);
        Keyboard keys = page.keyboard();

        signIn(Account.ARCHIVIST);
        press(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("全宗与门类")));
        assertThat(page).hasURL(Pattern.compile(".*/fonds$"));
        press(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记全宗").setExact(true))
                .or(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("先登记全宗"))));

        // the form opens with the cursor in 全宗号
        assertThat(page.locator("#fonds-code")).isFocused();
        keys.type(fonds);
        keys.press("Tab");
        keys.insertText("区档案馆键盘测试");
        keys.press("Tab");
        keys.press("Tab");
        keys.type("1985");
        keys.press("Tab");
        keys.type("2020");
        screenshot("fonds-typed");
        keys.press("Enter");

        assertThat(page).hasURL(Pattern.compile(".*/fonds$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("全宗已保存");
        assertThat(page.locator("table.list")).containsText("区档案馆键盘测试");
        assertThat(page.locator("table.list")).containsText("1985–2020");

        // the same number again is refused beside the field, and what was typed stays
        visit("/fonds/new");
        keys.type(fonds);
        keys.press("Tab");
        keys.insertText("另一个全宗");
        keys.press("Enter");
        assertThat(page.locator("#fonds-code")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#fonds-code-error")).containsText("已登记");
        assertThat(page.locator("#fonds-name")).hasValue("另一个全宗");
        screenshot("fonds-clash");

        press(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("全宗与门类")));
        press(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("门类").setExact(true)));
        assertThat(page).hasURL(Pattern.compile(".*/categories$"));
        press(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("定义门类").setExact(true))
                .or(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("定义第一个门类"))));

        assertThat(page.locator("#category-code")).isFocused();
        keys.type(category);
        keys.press("Tab");
        keys.insertText("婚姻登记");
        page.locator("#f0-key").focus();
        keys.type("groomName");
        keys.press("Tab");
        keys.insertText("男方姓名");
        keys.press("Tab");
        keys.press("Tab");
        keys.type("50");
        keys.press("Tab");
        keys.press("Space");
        assertThat(page.locator("#f0-mandatory")).isChecked();
        press(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加字段")));

        // the form comes back with a second row, the cursor in its key
        assertThat(page.locator("#f1-key")).isFocused();
        assertThat(page.locator("#f0-key")).hasValue("groomName");
        keys.type("kind");
        keys.press("Tab");
        keys.insertText("登记类别");
        keys.press("Tab");
        for (int i = 0; i < 3; i++) {
            keys.press("ArrowDown");
        }
        assertThat(page.locator("#f1-type")).hasValue("CHOICE");
        keys.press("Tab");
        keys.press("Tab");
        keys.press("Tab");
        assertThat(page.locator("#f1-vocabulary")).isFocused();
        keys.insertText("结婚");
        keys.press("Enter");
        keys.insertText("离婚");
        screenshot("category-typed");
        press(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存").setExact(true)));

        assertThat(page).hasURL(Pattern.compile(".*/categories$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("门类已保存");
        assertThat(page.locator("table.list")).containsText("男方姓名");
        assertThat(registry.category(category)).isEqualTo(new Category(category, "婚姻登记", List.of(
                new FieldDefinition("groomName", "男方姓名", Type.TEXT, 50, true, List.of()),
                new FieldDefinition("kind", "登记类别", Type.CHOICE, null, false, List.of("结婚", "离婚")))));
        assertThat(registry.fonds(fonds)).contains(new Fonds(fonds, "区档案馆键盘测试", null, 1985, 2020, null));

        // at 1024 px and in English the form still fits the window
        page.setViewportSize(1024, 768);
        visit("/categories/" + category + "/edit?lang=en");
        assertThat(page.locator("h1")).hasText("Edit category " + category);
        assertThat(page.locator("#f1-vocabulary")).hasValue("结婚\n离婚");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        screenshot("category-1024-en");
        visit("/fonds?lang=zh-CN");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
    }

    /** Moves the keyboard's focus to a link or button, as a screen reader's jump does, and presses Enter. */
    private static void press(com.microsoft.playwright.Locator control) {
        control.first().focus();
        control.first().press("Enter");
    }
}
