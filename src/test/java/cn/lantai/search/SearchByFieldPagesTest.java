package cn.lantai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.FieldDefinition;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The advanced search (高级检索) of the search page and the API over what the catalogue holds: 题名, 责任者, 文件编号,
 * 档号 and date ranges, a category's own fields; what cannot be read is said beside its field (page) or refused with a
 * 400 naming it (API), and asking by a field never shows a record the viewer may not see.
 */
@LantaiTest
class SearchByFieldPagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);
    /** 无密级 clearance: may not see the 机密 record. */
    static final String READER = "g-reader";
    /** A category of photographs (照片) with its own fields, one of them a choice. */
    static final Category PHOTOS = new Category("ZP", "照片", List.of(
            new FieldDefinition("photographer", "摄影者", FieldDefinition.Type.TEXT, 50, false, null),
            new FieldDefinition("colour", "色彩", FieldDefinition.Type.CHOICE, 10, false, List.of("彩色", "黑白"))));

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    SearchManagement search;

    @Autowired
    Staff staff;

    String fonds;

    /** Three 2019 items (the third 机密), one of 2021 and one of 2018, and two photographs of 2019. */
    @BeforeEach
    void catalogue() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "高级检索测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        catalog.defineCategory(PHOTOS, Viewer.system());
        staff.ensure(READER, "利用窗口", null, Classification.NONE, List.of("READING_ROOM"));
        catalog.create(Entries.item(fonds, 2019, "关于防汛物资储备的通知").with(DescriptionField.CREATOR, "区水利局")
                .with(DescriptionField.DOC_NUMBER, "区水发〔2019〕7号").with(DescriptionField.DATE, "2019-03-05").input(),
                ADMIN);
        catalog.create(Entries.item(fonds, 2019, "关于防汛值班安排的通知").with(DescriptionField.CREATOR, "区应急管理局")
                .with(DescriptionField.DOC_NUMBER, "区应急〔2019〕8号").with(DescriptionField.DATE, "2019-06-10")
                .input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "防汛工作会议纪要").with(DescriptionField.CREATOR, "区水利局")
                .with(DescriptionField.CLASSIFICATION, "机密").with(DescriptionField.DATE, "2019-07-01").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2021, "防汛抗旱总结").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2018, "防汛抗旱计划").input(), ADMIN);
        photo("防汛现场照片（一）", "张大千", "彩色");
        photo("防汛现场照片（二）", "李小龙", "黑白");
        SearchIndexed.await(search, new SearchQuery("", fonds, null, null, null, null, null, null, null, null, 0, 10,
                ADMIN), 7);
    }

    private void photo(String title, String photographer, String colour) {
        Map<DescriptionField, String> fields = new EnumMap<>(Entries.item(fonds, 2019, title).input().fields());
        fields.put(DescriptionField.CATEGORY, "ZP");
        catalog.create(new EntryInput(null, fields, Map.of("photographer", photographer, "colour", colour)), ADMIN);
    }

    private String code(int itemNo) {
        return fonds + "-WS·2019-Y-BGS-" + String.format("%04d", itemNo);
    }

    // --- the API -----------------------------------------------------------------------------------------------------

    private JsonNode api(String user, String... params) throws Exception {
        var request = get("/api/v1/search").param("fonds", fonds).param("size", "50").with(Staff.as(user));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static List<String> titles(JsonNode result) {
        List<String> titles = new ArrayList<>();
        result.get("hits").forEach(h -> titles.add(h.get("title").asText()));
        return titles;
    }

    private String refusal(String... params) throws Exception {
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
    void theApiFindsByEachFieldAndEachRange() throws Exception {
        String archivist = Staff.ARCHIVIST;
        assertThat(titles(api(archivist, "creator", "水利局"))).containsExactlyInAnyOrder("关于防汛物资储备的通知",
                "防汛工作会议纪要");
        assertThat(titles(api(archivist, "docNumber", "应急〔2019〕"))).containsExactly("关于防汛值班安排的通知");
        assertThat(titles(api(archivist, "title", "防汛 通知"))).containsExactlyInAnyOrder("关于防汛物资储备的通知",
                "关于防汛值班安排的通知");
        assertThat(titles(api(archivist, "codeFrom", code(2), "codeTo", code(3))))
                .containsExactlyInAnyOrder("关于防汛值班安排的通知", "防汛工作会议纪要");
        assertThat(titles(api(archivist, "dateFrom", "2019-06", "dateTo", "2019", "category", "WS")))
                .containsExactlyInAnyOrder("关于防汛值班安排的通知", "防汛工作会议纪要");
        assertThat(titles(api(archivist, "x.colour", "黑白"))).hasSize(1);
        assertThat(api(archivist, "x.photographer", "张大千", "x.colour", "黑白").get("total").asLong()).isZero();
    }

    @Test
    void theOpenApiDocumentNamesTheFieldsAndRanges() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                        "$.paths['/api/v1/search'].get.parameters[*].name", org.hamcrest.Matchers.hasItems("title",
                                "creator", "docNumber", "codeFrom", "codeTo", "dateFrom", "dateTo")));
    }

    @Test
    void aFieldQueryThroughTheApiNeverRevealsAHiddenRecord() throws Exception {
        JsonNode reader = api(READER, "creator", "水利局");
        assertThat(titles(reader)).containsExactly("关于防汛物资储备的通知");
        assertThat(reader.get("total").asLong()).isEqualTo(1);
        assertThat(reader.get("facets").get("classification").has("SECRET")).isFalse();
        assertThat(api(READER, "title", "会议纪要").get("total").asLong()).isZero();
        assertThat(api(READER, "codeFrom", code(3), "codeTo", code(3)).get("total").asLong()).isZero();
        assertThat(api(READER, "dateFrom", "2019-07-01", "dateTo", "2019-07-01").get("total").asLong()).isZero();
    }

    @Test
    void malformedRangesUnknownFieldsAndHugeValuesAreRefusedByName() throws Exception {
        assertThat(refusal("dateFrom", "2019-13")).contains("2019-13");
        assertThat(refusal("dateFrom", "2019-07", "dateTo", "2019-06")).contains("2019-07").contains("2019-06");
        assertThat(refusal("codeFrom", code(3), "codeTo", code(1))).contains(code(3));
        assertThat(refusal("codeTo", "档号？")).contains("档号？");
        assertThat(refusal("x.noSuchField", "1")).contains("x.noSuchField");
        String huge = "档".repeat(10_000);
        for (String field : List.of("title", "creator", "docNumber", "codeFrom", "dateTo", "x.photographer")) {
            String detail = refusal(field, huge);
            assertThat(detail).as(field).doesNotContain("档".repeat(50));
            assertThat(detail.length()).isLessThan(200);
        }
        assertThat(refusal("title", huge)).contains(Integer.toString(SearchQuery.MAX_TEXT));
    }

    @Test
    void syntaxAndScriptTypedInFieldsAreAnsweredCalmly() throws Exception {
        for (String typed : List.of("title:(a OR", "*?~^", "\\", "[0 TO 9]", "{!term f=id}1", "<script>alert(1)</script>",
                "' OR 1=1 --", "\"")) {
            api(Staff.ARCHIVIST, "title", typed, "creator", typed, "docNumber", typed, "x.photographer", typed);
        }
    }

    @Test
    void theYearFacetListsTheNewestYearFirst() throws Exception {
        List<String> years = new ArrayList<>();
        Iterator<String> names = api(Staff.ARCHIVIST).get("facets").get("year").propertyNames().iterator();
        names.forEachRemaining(years::add);
        assertThat(years).containsExactly("2021", "2019", "2018");
    }

    // --- the page ----------------------------------------------------------------------------------------------------

    private String page(String user, String... params) throws Exception {
        var url = UriComponentsBuilder.fromPath("/search").queryParam("fonds", fonds);
        for (int i = 0; i + 1 < params.length; i += 2) {
            url.queryParam(params[i], params[i + 1]);
        }
        return mvc.perform(get(url.encode().build().toUri()).with(Staff.page(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void thePageHasTheCursorInTheBoxAndTheAdvancedFormClosedUntilUsed() throws Exception {
        String html = page(Staff.ARCHIVIST);
        assertThat(html).containsPattern("<input type=\"search\" id=\"q\"[^>]*autofocus");
        assertThat(html).contains("<summary>高级检索</summary>").doesNotContain("<details class=\"advsearch\" id=\"advsearch\" open");
        assertThat(html).contains("id=\"adv-title\"").contains("id=\"adv-creator\"").contains("id=\"adv-docNumber\"")
                .contains("id=\"adv-codeFrom\"").contains("id=\"adv-codeTo\"").contains("id=\"adv-dateFrom\"")
                .contains("id=\"adv-dateTo\"");
        String years = html.substring(html.indexOf("id=\"facet-year\""));
        assertThat(years.indexOf("2021")).isLessThan(years.indexOf("2019"));
        assertThat(years.indexOf("2019")).isLessThan(years.indexOf("2018"));
    }

    @Test
    void thePageFindsByFieldsAndKeepsThemOpenAndFilled() throws Exception {
        String html = page(Staff.ARCHIVIST, "creator", "水利局", "dateFrom", "2019-03", "dateTo", "2019-06");
        assertThat(html).contains("<details class=\"advsearch\" id=\"advsearch\" open")
                .contains("value=\"水利局\"").contains("value=\"2019-03\"")
                .contains("共 1 条结果").contains(code(1));
        // the facet links keep the fields
        assertThat(html).contains("creator=");
    }

    @Test
    void theChosenCategoryOffersItsOwnFieldsAndAChoiceWhereItHasAVocabulary() throws Exception {
        String none = page(Staff.ARCHIVIST);
        assertThat(none).contains("选定一个门类").doesNotContain("x.colour");
        String html = page(Staff.ARCHIVIST, "category", "ZP", "x.colour", "黑白", "x.noSuchField", "1");
        assertThat(html).contains("照片的自有著录项").contains("<label for=\"adv-x-photographer\">摄影者</label>")
                .containsPattern("<select id=\"adv-x-colour\" name=\"x.colour\"")
                .containsPattern("<option value=\"黑白\" selected")
                .contains("共 1 条结果");
    }

    @Test
    void aFieldThatCannotBeReadIsSaidBesideItAndNothingIsSearched() throws Exception {
        String html = page(Staff.ARCHIVIST, "dateFrom", "2019-13", "q", "防汛");
        assertThat(html).contains("id=\"adv-dateFrom-error\"").contains("“2019-13”不是日期")
                .containsPattern("id=\"adv-dateFrom\"[^>]*autofocus")
                .containsPattern("aria-invalid=\"true\" aria-describedby=\"adv-dateFrom-error\"")
                .contains("共 0 条结果").doesNotContain("class=\"hit\"")
                .doesNotContainPattern("<input type=\"search\" id=\"q\"[^>]*autofocus");

        assertThat(page(Staff.ARCHIVIST, "codeFrom", code(3), "codeTo", code(1)))
                .contains("id=\"adv-codeTo-error\"").contains("排在终止档号");
        assertThat(page(Staff.ARCHIVIST, "dateFrom", "2019-07", "dateTo", "2019-06"))
                .contains("id=\"adv-dateTo-error\"").contains("晚于终止日期");
        assertThat(page(Staff.ARCHIVIST, "title", "档".repeat(10_000))).contains("id=\"adv-title-error\"")
                .contains("内容过长");
        assertThat(page(Staff.ARCHIVIST, "category", "ZP", "x.photographer", "摄".repeat(10_000)))
                .contains("id=\"adv-x-photographer-error\"");
    }

    @Test
    void scriptAndQuerySyntaxInFieldsAreShownAsTextOnANormalPage() throws Exception {
        for (String typed : List.of("<script>alert(1)</script>", "title:(a OR", "*?~^", "\\", "[0 TO 9]", "\"'")) {
            String html = page(Staff.ARCHIVIST, "title", typed, "creator", typed, "docNumber", typed, "codeFrom", typed);
            assertThat(html).contains("id=\"results-heading\"").doesNotContain("<script>alert(1)");
        }
        assertThat(page(Staff.ARCHIVIST, "creator", "<script>alert(1)</script>"))
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"");
        assertThat(page(Staff.ARCHIVIST, "codeFrom", "<b>x</b>")).contains("&lt;b&gt;x&lt;/b&gt;")
                .doesNotContain("<b>x</b>");
    }

    @Test
    void aFieldQueryOnThePageNeverRevealsAHiddenRecord() throws Exception {
        String html = page(READER, "creator", "水利局");
        assertThat(html).contains("共 1 条结果").contains("关于防汛物资储备的通知").doesNotContain("防汛工作会议纪要");
        assertThat(page(READER, "title", "会议纪要")).contains("共 0 条结果");
    }
}
