package cn.lantai.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.support.Staff;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Catalogues;
import cn.lantai.support.ImportDriver;
import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Search through the API over what the catalogue holds: the index follows the catalogue and guards clearance. */
@LantaiTest
class SearchApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    SearchManagement search;

    @TempDir
    Path tmp;

    String fonds;

    @BeforeEach
    void fonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "检索测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
    }

    JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url)
                .with(Staff.archivist())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return JSON.readTree(body);
    }

    /** Polls until the condition holds; the index is asynchronous by design, so tests wait rather than time it. */
    JsonNode awaitSearch(String url, java.util.function.Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = getJson(url);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("search never satisfied the condition; last answer " + last);
    }

    @Test
    void aChinesePhraseFromAnImportedTitleFindsThatItemFirst() throws Exception {
        Catalogues sheet = Catalogues.standard().items(fonds, 2019, 40);
        sheet.rows().get(17).set(1, "关于临江区老旧小区雨污分流改造工程竣工验收的请示");
        new ImportDriver(mvc).run(sheet.xlsx(tmp), "s.xlsx", Map.of());
        JsonNode result = awaitSearch("/api/v1/search?fonds=" + fonds + "&q=雨污分流改造工程",
                r -> r.get("total").asLong() > 0);
        assertThat(result.get("hits").get(0).get("archivalCode").asText()).isEqualTo(fonds + "-WS·2019-Y-BGS-0018");
        assertThat(result.get("hits").get(0).get("title").asText()).contains("雨污分流");
        assertThat(result.get("facets").get("fonds").get(fonds).asLong()).isEqualTo(result.get("total").asLong());
    }

    @Test
    void theIndexFollowsAnEditAndADeletion() throws Exception {
        new ImportDriver(mvc).run(Catalogues.standard().items(fonds, 2020, 3).xlsx(tmp), "e.xlsx", Map.of());
        JsonNode hit = awaitSearch("/api/v1/search?fonds=" + fonds + "&sort=ARCHIVAL_CODE",
                r -> r.get("total").asLong() == 3).get("hits").get(0);
        long id = hit.get("id").asLong();
        JsonNode item = getJson("/api/v1/items/" + id);
        mvc.perform(patch("/api/v1/items/" + id).with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + item.get("version").asInt() + ",\"title\":\"关于设立湿地公园管理处的批复\"}"))
                .andExpect(status().isOk());
        awaitSearch("/api/v1/search?fonds=" + fonds + "&q=湿地公园管理处", r -> r.get("total").asLong() == 1);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/items/" + id)
                .with(Staff.archivist())).andExpect(status().isNoContent());
        awaitSearch("/api/v1/search?fonds=" + fonds + "&q=湿地公园管理处", r -> r.get("total").asLong() == 0);
        // the items after the deleted one moved up a number; the index shows their new codes
        awaitSearch("/api/v1/search?fonds=" + fonds + "&sort=ARCHIVAL_CODE",
                r -> r.get("hits").get(1).get("archivalCode").asText().endsWith("-0002"));
    }

    @Test
    void recordsAboveTheViewersClearanceOrNotOpenAreNeitherFoundNorCounted() throws Exception {
        Catalogues sheet = Catalogues.standard().items(fonds, 2018, 4);
        sheet.rows().get(0).set(6, "机密");
        sheet.rows().get(1).set(6, "秘密");
        sheet.rows().get(2).set(7, "控制使用");
        new ImportDriver(mvc).run(sheet.xlsx(tmp), "c.xlsx", Map.of());
        awaitSearch("/api/v1/search?fonds=" + fonds, r -> r.get("total").asLong() == 4);
        SearchQuery.Sort sort = SearchQuery.Sort.ARCHIVAL_CODE;
        SearchResult clerk = search.search(new SearchQuery("文件", fonds, null, null, null, null, null, null, null, sort,
                0, 20, Viewer.staff("clerk", Classification.CONFIDENTIAL, true)));
        assertThat(clerk.hits()).extracting(SearchHit::archivalCode).noneMatch(c -> c.endsWith("-0001"));
        assertThat(clerk.total()).isEqualTo(3);
        assertThat(clerk.facets().get("classification")).doesNotContainKey("SECRET");
        SearchResult citizen = search.search(new SearchQuery("文件", fonds, null, null, null, null, null, null, null, sort,
                0, 20, Viewer.publicUser("citizen")));
        assertThat(citizen.hits()).extracting(SearchHit::archivalCode).containsExactly(fonds + "-WS·2018-Y-BGS-0004");
        assertThat(citizen.total()).isEqualTo(1);
    }

    @Test
    void categoryFieldsAreSearchableAndFilterable() throws Exception {
        catalog.defineCategory(new Category("HS", "婚姻登记", List.of(
                new FieldDefinition("groomName", "男方姓名", FieldDefinition.Type.TEXT, 20, true, null),
                new FieldDefinition("brideName", "女方姓名", FieldDefinition.Type.TEXT, 20, true, null))), cn.lantai.catalog.Viewer.system());
        Path file = Catalogues.withHeader("全宗号", "门类代码", "年度", "保管期限", "题名", "日期", "责任者", "男方姓名", "女方姓名")
                .row(fonds, "HS", "1996", "永久", "结婚登记档案", "1996-05-01", "区民政局", "欧阳振华", "司马秀英")
                .row(fonds, "HS", "1996", "永久", "结婚登记档案", "1996-05-02", "区民政局", "诸葛明", "上官婉儿").xlsx(tmp);
        new ImportDriver(mvc).run(file, "hy.xlsx", Map.of());
        JsonNode byText = awaitSearch("/api/v1/search?fonds=" + fonds + "&q=司马秀英", r -> r.get("total").asLong() == 1);
        assertThat(byText.get("hits").get(0).get("archivalCode").asText()).endsWith("-0001");
        JsonNode byField = getJson("/api/v1/search?fonds=" + fonds + "&x.groomName=诸葛明");
        assertThat(byField.get("total").asLong()).isEqualTo(1);
        assertThat(byField.get("hits").get(0).get("archivalCode").asText()).endsWith("-0002");
    }

    @Test
    void hostileSearchTextIsHarmless() throws Exception {
        for (String q : List.of("' OR 1=1 --", "\"unbalanced", "title:(*", "a AND OR NOT", "\\", "<script>alert(1)</script>")) {
            mvc.perform(get("/api/v1/search")
                    .param("q", q).with(Staff.archivist())).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/search")
                .param("yearFrom", "两千").with(Staff.archivist()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/search")
                .param("sort", "BY_MOOD").with(Staff.archivist()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/search")
                .param("classification", "很秘密").with(Staff.archivist()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theIndexRebuildsFromTheDatabase() throws Exception {
        new ImportDriver(mvc).run(Catalogues.standard().items(fonds, 2017, 5).xlsx(tmp), "r.xlsx", Map.of());
        awaitSearch("/api/v1/search?fonds=" + fonds, r -> r.get("total").asLong() == 5);
        String body = mvc.perform(post("/api/v1/search/rebuild").with(Staff.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(body).get("indexed").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(getJson("/api/v1/search?fonds=" + fonds).get("total").asLong()).isEqualTo(5);
    }

    /** The problem's detail for a search the API refuses; a 400 problem, never a 500 or Spring's bare error. */
    String refusal(String... params) throws Exception {
        var request = get("/api/v1/search").with(Staff.archivist());
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String body = mvc.perform(request).andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("detail").asText();
    }

    @Test
    void pagesPastTheFirstTenThousandHitsAndBadPageSizesAreRefusedWithTheLimit() throws Exception {
        assertThat(refusal("page", "2147483647")).contains("10,000");
        assertThat(refusal("page", "500", "size", "20")).contains("10,000");
        assertThat(refusal("page", "-1")).contains("10,000");
        assertThat(refusal("page", "二")).contains("page");
        assertThat(refusal("page", "1e3")).contains("page");
        assertThat(refusal("size", "0")).contains("100");
        assertThat(refusal("size", "101")).contains("100");
        assertThat(refusal("size", "-5")).contains("100");
        assertThat(refusal("size", "99999999999")).contains("size");
        assertThat(refusal("size", "abc")).contains("size");
        // the deepest page offered still answers
        JsonNode deepest = getJson("/api/v1/search?fonds=" + fonds + "&page=499&size=20");
        assertThat(deepest.get("hits")).isEmpty();
        assertThat(deepest.get("totalExact").asBoolean()).isTrue();
        assertThat(deepest.get("facetsExact").asBoolean()).isTrue();
    }

    @Test
    void aSortNumberOrCategoryFieldThatDoesNotExistIsRefusedByName() throws Exception {
        assertThat(refusal("sort", "foo")).contains("foo").contains("ARCHIVAL_CODE");
        assertThat(refusal("x.no_such", "1")).contains("x.no_such");
        assertThat(refusal("yearFrom", "abc")).contains("yearFrom").contains("abc");
        assertThat(refusal("yearTo", "1990年")).contains("yearTo");
    }

    @Test
    void aTextTooLongToBeASearchIsRefusedAndStopWordsOrPunctuationAreAnswered() throws Exception {
        assertThat(refusal("q", "档案".repeat(5_000))).contains("10,000").contains(Integer.toString(SearchQuery.MAX_TEXT));
        for (String q : List.of("的了吗", "的 的 的", "the of and", "，。！？、；：", "...", "——")) {
            mvc.perform(get("/api/v1/search").param("q", q).param("fonds", fonds).with(Staff.archivist()))
                    .andExpect(status().isOk());
        }
        // the longest text allowed is searched
        mvc.perform(get("/api/v1/search").param("q", "档".repeat(SearchQuery.MAX_TEXT)).with(Staff.archivist()))
                .andExpect(status().isOk());
    }

    @Test
    void searchNeedsAnAuthenticatedCaller() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "通知")).andExpect(status().isUnauthorized());
    }

    @Test
    void aMethodTheApiDoesNotTakeSaysWhichItTakes() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/search")
                        .with(Staff.archivist()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Allow", org.hamcrest.Matchers.containsString("GET")));
    }
}
