package cn.lantai.search;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.SearchIndexed;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The portal's search ({@code /api/v1/public/search}) is open to anyone, and shows, counts and facets only what the
 * public may see: open (开放) records without a classification, whoever calls.
 */
@LantaiTest
class PublicSearchApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    SearchManagement search;

    String fonds;

    /** Five notices on flood control in a fresh fonds: two open to all, three that are not. */
    @BeforeEach
    void noticesOpenAndNot() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "公开检索测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        notice("开放的防汛通知", "无", "开放");
        notice("开放的防汛简报", "无", "开放");
        notice("秘密级的防汛通知", "秘密", "开放");
        notice("控制使用的防汛通知", "无", "控制");
        notice("机密级的防汛预案", "机密", "控制");
        SearchIndexed.await(search, new SearchQuery("防汛", fonds, null, null, null, null, null, null, null, null, 0,
                20, Viewer.system()), 5);
    }

    private void notice(String title, String classification, String openStatus) {
        catalog.create(Entries.item(fonds, 2019, title + fonds).with(DescriptionField.CLASSIFICATION, classification)
                .with(DescriptionField.OPEN_STATUS, openStatus).input(), Viewer.system());
    }

    private JsonNode publicSearch(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().getSession(false)).as("a session for an anonymous search").isNull();
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private static Set<String> titles(JsonNode result) {
        Set<String> titles = new TreeSet<>();
        result.get("hits").forEach(h -> titles.add(h.get("title").asText()));
        return titles;
    }

    @Test
    void anyoneFindsOpenUnclassifiedRecordsWithoutSigningIn() throws Exception {
        JsonNode result = publicSearch(get("/api/v1/public/search").param("q", "防汛").param("fonds", fonds));
        assertThat(titles(result)).containsExactly("开放的防汛简报" + fonds, "开放的防汛通知" + fonds);
        assertThat(result.get("total").asLong()).isEqualTo(2);
        assertThat(result.toString()).doesNotContain("秘密级", "控制使用的", "机密级");
    }

    @Test
    void hitsCarryNoScoreWhichTheWholeIndexsStatisticsShape() throws Exception {
        JsonNode result = publicSearch(get("/api/v1/public/search").param("q", "防汛").param("fonds", fonds));
        assertThat(result.get("hits")).hasSize(2);
        result.get("hits").forEach(h -> assertThat(h.has("score")).as(h.toString()).isFalse());
        assertThat(result.toString()).doesNotContain("score");
    }

    @Test
    void totalsAndFacetsCountOnlyWhatThePublicMaySee() throws Exception {
        JsonNode facets = publicSearch(get("/api/v1/public/search").param("fonds", fonds)).get("facets");
        assertThat(facets.get("fonds").get(fonds).asLong()).isEqualTo(2);
        assertThat(facets.get("classification").properties()).extracting(e -> e.getKey()).containsExactly("NONE");
        assertThat(facets.get("openStatus").properties()).extracting(e -> e.getKey()).containsExactly("OPEN");
        assertThat(facets.get("year").get("2019").asLong()).isEqualTo(2);
    }

    @Test
    void aClearedArchivistsTokenDoesNotWidenThePublicSearch() throws Exception {
        JsonNode withToken = publicSearch(get("/api/v1/public/search").param("q", "防汛").param("fonds", fonds)
                .with(Staff.archivist()));
        assertThat(withToken.get("total").asLong()).isEqualTo(2);
        assertThat(titles(withToken)).noneMatch(t -> t.contains("秘密") || t.contains("控制") || t.contains("机密"));
        // while the same archivist's own search finds all five
        mvc.perform(get("/api/v1/search").param("q", "防汛").param("fonds", fonds).with(Staff.archivist()))
                .andExpect(jsonPath("$.total").value(5));
    }

    @Test
    void filtersByClassificationOrOpenStatusAreRefusedClearly() throws Exception {
        for (String param : List.of("classification", "openStatus")) {
            mvc.perform(get("/api/v1/public/search").param("q", "防汛").param(param, "机密")
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("公开检索只查开放且不涉密的档案，不接受按密级或开放状态筛选"));
        }
    }

    @Test
    void badOrOversizedPublicQueriesAreRefusedWithWhatIsAllowed() throws Exception {
        mvc.perform(get("/api/v1/public/search").param("q", "防".repeat(201))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").exists());
        mvc.perform(get("/api/v1/public/search").param("yearFrom", "两千")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").exists());
        mvc.perform(get("/api/v1/public/search").param("sort", "BY_MOOD")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/public/search").param("size", "1000000").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("每页条数应为 1 至 100（收到 1,000,000）"));
        mvc.perform(get("/api/v1/public/search").param("page", "2147483647")).andExpect(status().isBadRequest());
        // the signed-in search stays closed to strangers
        mvc.perform(get("/api/v1/search").param("q", "防汛")).andExpect(status().isUnauthorized());
    }
}
