package cn.lantai.catalog;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.Jobs;
import cn.lantai.support.Catalogues;
import cn.lantai.support.ImportDriver;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import pages show what an import will change before it starts and what it changed after, with every value
 * escaped; updating existing records is an explicit choice, a form posted twice starts one import, and one's past
 * imports are listed with their reports.
 */
@LantaiTest
class ImportChangesPagesTest {

    private static final String SCRIPT = "<script>alert('导入')</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    String fonds;

    @BeforeEach
    void freshFonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "页面变化全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    String code(int n) {
        return String.format("%s-WS·2019-Y-BGS-%04d", fonds, n);
    }

    String previewPage(Path file, String name, MockHttpSession session) throws Exception {
        return mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", name, null,
                        Files.readAllBytes(file))).session(session).with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
    }

    static String token(String page) {
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** The mapping the page proposes for the standard header, as its selects post it (by place). */
    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder mapped(String token) {
        var request = post("/imports/start").param("token", token);
        String[] targets = {"archivalCode", "title", "creator", "date", "docNumber", "pages", "classification",
            "openStatus", "notes"};
        for (int i = 0; i < targets.length; i++) {
            request.param("map." + i, targets[i]);
        }
        return request;
    }

    String awaitJob(String redirect) {
        String id = redirect.substring(redirect.lastIndexOf('/') + 1);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> jobs.status(new JobId(id)).state(), s -> s == JobState.SUCCEEDED || s == JobState.FAILED);
        return id;
    }

    @Test
    void theMappingStepShowsNewUpdatedAndRefusedRowsWithScriptEscapedAndAnUpdateNeedsTheTick() throws Exception {
        new ImportDriver(mvc).run(Catalogues.standard().items(fonds, 2019, 2).xlsx(tmp), "第一版.xlsx", Map.of());
        Catalogues next = Catalogues.standard().items(fonds, 2019, 2);
        next.rows().get(1).set(1, SCRIPT);                                     // row 3: its title becomes script
        next.row(code(3), "长".repeat(10_000), "区人民政府办公室", "2019-03-12", "", "1", "", "开放", "");  // row 4
        next.row(code(4), "第四件", "区人民政府办公室", "2019-03-12", "", "1", "", "开放", SCRIPT);           // row 5
        MockHttpSession session = new MockHttpSession();
        String page = previewPage(next.xlsx(tmp), "第二版.xlsx", session);

        assertThat(page).contains("导入后的变化").contains("已按全部 4 行预先核对")
                .contains("新增</span> <strong>1</strong>").contains("更新</span> <strong>1</strong>")
                .contains("未变</span> <strong>1</strong>").contains("拒绝</span> <strong>1</strong>")
                .contains("&lt;script&gt;alert(&#39;导入&#39;)&lt;/script&gt;").doesNotContain(SCRIPT)
                .contains("关于第2号文件的通知").contains("超出长度限制")
                .contains("name=\"updateExisting\"");

        // started without ticking 更新已有条目: the row of an existing record is refused, the record keeps its title
        String redirect = mvc.perform(mapped(token(page)).session(session)
                        .with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = awaitJob(redirect);
        assertThat(jdbc.queryForObject("SELECT title FROM item WHERE archival_code = ?", String.class, code(2)))
                .isEqualTo("关于第2号文件的通知");
        mvc.perform(get("/imports/" + id).with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(content().string(containsString("已存在")))
                .andExpect(content().string(containsString(code(2))))
                .andExpect(content().string(not(containsString(SCRIPT))));
    }

    @Test
    void aFormPostedTwiceStartsOneImportWhoseChangesAndListEntryAreShown() throws Exception {
        new ImportDriver(mvc).run(Catalogues.standard().items(fonds, 2019, 2).xlsx(tmp), "第一版.xlsx", Map.of());
        Catalogues next = Catalogues.standard().items(fonds, 2019, 3);
        next.rows().get(0).set(1, SCRIPT);
        MockHttpSession session = new MockHttpSession();
        String page = previewPage(next.xlsx(tmp), "改题名<b>.xlsx", session);
        String token = token(page);
        String redirect = mvc.perform(mapped(token).param("updateExisting", "true")
                        .session(session).with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(mapped(token).param("updateExisting", "true")
                        .session(session).with(Staff.page(Staff.ARCHIVIST)).with(csrf()))
                .andExpect(status().isGone());
        String id = awaitJob(redirect);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM job WHERE params LIKE ?", Long.class,
                "%改题名<b>.xlsx%")).isEqualTo(1);

        mvc.perform(get("/imports/" + id).with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(content().string(containsString("新增</span> <strong>1</strong>")))
                .andExpect(content().string(containsString("更新</span> <strong>1</strong>")))
                .andExpect(content().string(containsString("未变</span> <strong>1</strong>")))
                .andExpect(content().string(containsString("<del>关于第1号文件的通知</del>")))
                .andExpect(content().string(containsString("<ins>&lt;script&gt;")))
                .andExpect(content().string(not(containsString(SCRIPT))));
        mvc.perform(get("/imports").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(content().string(containsString("我的导入")))
                .andExpect(content().string(containsString("href=\"/imports/" + id + "\"")))
                .andExpect(content().string(containsString("改题名&lt;b&gt;.xlsx")));
    }

    @Test
    void aGb18030CatalogueIsPreviewedInChinese() throws Exception {
        new ImportDriver(mvc).run(Catalogues.standard().items(fonds, 2019, 1).xlsx(tmp), "第一版.xlsx", Map.of());
        Catalogues next = Catalogues.standard().items(fonds, 2019, 1);
        next.rows().get(0).set(1, "关于第1号文件的通知（更正）");
        String page = previewPage(next.csv(tmp, Charset.forName("GB18030"), false), "目录.csv", new MockHttpSession());
        assertThat(page).contains("更新</span> <strong>1</strong>").contains("<ins>关于第1号文件的通知（更正）</ins>")
                .contains("<del>关于第1号文件的通知</del>");
    }

    @Test
    void aHeaderRepeatingAColumnIsToldAndNoChangesAreGuessed() throws Exception {
        Path file = Catalogues.withHeader("档号", "题名", "题名", "责任者", "日期")
                .row(code(1), "甲", "乙", "区人民政府办公室", "2019-03-12").xlsx(tmp);
        String page = previewPage(file, "重复.xlsx", new MockHttpSession());
        assertThat(page).contains("多个列都对应").doesNotContain("导入后的变化");
    }
}
