package cn.lantai.web;

import java.util.List;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.support.Staff;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Classification;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The workbench's shell: sign-in, the CSRF guard on every form, the layout and the language switch. */
@LantaiTest
class WorkbenchShellTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    Item anItem() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "外壳测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
        return catalog.create(Entries.item(fonds, 2019, "外壳测试条目").input(), ADMIN);
    }

    @Test
    void everyPageNeedsASignedInPerson() throws Exception {
        for (String page : List.of("/", "/catalogue", "/search?q=通知", "/imports", "/items/1", "/items/1/edit")) {
            mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                    .andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void theSignInPageIsOpenAndItsFormCarriesACsrfToken() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("<label for=\"username\">用户名</label>")));
        mvc.perform(get("/login?error")).andExpect(content().string(containsString("用户名或密码错误，或账户已锁定")));
        mvc.perform(get("/login?logout")).andExpect(content().string(containsString("已退出")));
        mvc.perform(get("/login?expired")).andExpect(content().string(containsString("会话已过期")));
    }

    @Test
    void signingInWithTheFormOpensTheCatalogue() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", Staff.ADMIN_PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(Staff.page(Staff.ARCHIVIST))).andExpect(redirectedUrl("/catalogue"));
        mvc.perform(post("/login").param("username", "admin").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aFormPostedWithoutOrWithAForgedCsrfTokenIsRefused() throws Exception {
        Item item = anItem();
        String edit = "/items/" + item.id().value() + "/edit";
        mvc.perform(post(edit).param("version", "0").param("title", "伪造的修改").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isForbidden());
        mvc.perform(post(edit).param("version", "0").param("title", "伪造的修改")
                        .with(Staff.page(Staff.ARCHIVIST)).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(Staff.page(Staff.ARCHIVIST)).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        mvc.perform(post(edit).param("version", Integer.toString(item.version())).param("title", "真正的修改")
                        .param("date", "2019-03-12").param("creator", "区人民政府办公室")
                        .with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().isFound());
    }

    @Test
    void theLayoutCarriesTheCsrfTokenForHtmxAndShowsOnlyThePagesOfOnesRoles() throws Exception {
        mvc.perform(get("/catalogue").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<meta name=\"_csrf\" content=\"")))
                .andExpect(content().string(containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">")))
                .andExpect(content().string(containsString("href=\"/search\"")))
                .andExpect(content().string(not(containsString("href=\"/audit\""))))
                .andExpect(content().string(not(containsString("href=\"/admin/users\""))));
        // the three administrators (三员) see their own duty's pages and no catalogue work
        mvc.perform(get("/catalogue").with(Staff.page("auditor")))
                .andExpect(content().string(containsString("href=\"/audit\"")))
                .andExpect(content().string(not(containsString("href=\"/search\""))))
                .andExpect(content().string(not(containsString("href=\"/imports\""))));
        mvc.perform(get("/catalogue").with(Staff.page("secadmin")))
                .andExpect(content().string(containsString("href=\"/admin/pending\"")))
                .andExpect(content().string(not(containsString("href=\"/search\""))));
    }

    @Test
    void theLanguageChosenStaysChosen() throws Exception {
        Cookie lang = mvc.perform(get("/catalogue?lang=en").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Catalogue</a>")))
                .andExpect(cookie().exists("lantai-lang"))
                .andReturn().getResponse().getCookie("lantai-lang");
        mvc.perform(get("/search").cookie(lang).with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(content().string(containsString(">Search</a>")));
        mvc.perform(get("/search").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(content().string(containsString(">检索</a>")));
    }

    @Test
    void anItemThatDoesNotExistIsANotFoundPage() throws Exception {
        mvc.perform(get("/items/999999999").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("text/html")))
                .andExpect(content().string(containsString("没有这个记录，或您无权查看。")));
        mvc.perform(get("/items/abc").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isBadRequest());
    }
}
