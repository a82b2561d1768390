package cn.lantai.catalog;

import java.util.List;

import cn.lantai.support.Catalogues;
import cn.lantai.support.Staff;
import cn.lantai.support.ImportDriver;
import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The items API as a client meets it: clear problems for bad requests, in Chinese unless English is asked for. */
@LantaiTest
class ItemApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    String fonds;

    @BeforeEach
    void fonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "接口测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(Staff.archivist()).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    String item(String title) {
        return "{\"fonds\":\"" + fonds + "\",\"category\":\"WS\",\"year\":2019,\"retention\":\"永久\",\"org\":\"BGS\","
                + "\"title\":\"" + title + "\",\"date\":\"2019年3月12日\",\"creator\":\"区委办公室\"}";
    }

    @Test
    void anItemIsCreatedReadAndChangedThroughTheApi() throws Exception {
        mvc.perform(json(post("/api/v1/items"), item("关于印发工作要点的通知")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/items/")))
                .andExpect(jsonPath("$.archivalCode").value(fonds + "-WS·2019-Y-BGS-0001"))
                .andExpect(jsonPath("$.date").value("2019-03-12"))
                .andExpect(jsonPath("$.year").value(2019));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        mvc.perform(json(post("/api/v1/items"), "{\"title\": \"没有结尾"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("请求参数有误")));
    }

    @Test
    void unknownFieldsOverlongValuesAndImpossibleDatesAreNamedInChinese() throws Exception {
        String body = item("长".repeat(501)).replace("2019年3月12日", "2019-02-30").replace("}", ",\"colour\":\"红\"}");
        mvc.perform(json(post("/api/v1/items"), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("colour"))
                .andExpect(jsonPath("$.violations[0].message").value(containsString("没有这个著录项")));
        mvc.perform(json(post("/api/v1/items"), item("长".repeat(501)).replace("2019年3月12日", "2019-02-30")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[?(@.field=='题名')].message", hasItem(containsString("超出长度限制"))))
                .andExpect(jsonPath("$.violations[?(@.field=='日期')].message", hasItem(containsString("日期无效"))));
    }

    @Test
    void englishIsGivenWhenAskedFor() throws Exception {
        mvc.perform(json(post("/api/v1/items"), item("")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].message").value("Mandatory field is empty"));
    }

    @Test
    void aChangeWithoutTheVersionReadIsRefused() throws Exception {
        String created = mvc.perform(json(post("/api/v1/items"), item("待修改"))).andReturn().getResponse()
                .getContentAsString();
        String id = created.replaceAll(".*\"id\":(\\d+).*", "$1");
        mvc.perform(json(patch("/api/v1/items/" + id), "{\"title\":\"新题名\"}")).andExpect(status().isBadRequest());
        mvc.perform(json(patch("/api/v1/items/" + id), "{\"version\":7,\"title\":\"新题名\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("已被他人修改")));
    }

    @Test
    void anUnknownItemIsNotFoundAndAnonymousCallersAreTurnedAway() throws Exception {
        mvc.perform(get("/api/v1/items/999999999").with(Staff.archivist()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/items")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/items").with(Staff.bearer("lt_wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void aCategoryFieldWithABadKeyOrAClashingLabelIsRefused() throws Exception {
        mvc.perform(json(put("/api/v1/categories/ZP"),
                        "{\"name\":\"照片\",\"fields\":[{\"key\":\"1bad\",\"label\":\"题名\",\"type\":\"TEXT\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations.length()").value(2));
        mvc.perform(json(put("/api/v1/categories/ZP"), "{\"name\":\"照片\",\"fields\":[{\"key\":\"photographer\","
                        + "\"label\":\"摄影者\",\"type\":\"TEXT\",\"maxLength\":30}]}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/categories/ZP").with(Staff.archivist()))
                .andExpect(jsonPath("$.fields[0].label").value("摄影者"));
    }

    @Test
    void anImportWithoutAFileIsABadRequest() throws Exception {
        mvc.perform(multipart("/api/v1/imports").with(Staff.archivist()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/imports").file("file", new byte[0]).param("mode", "SOMETIMES")
                .with(Staff.archivist())).andExpect(status().isBadRequest());
    }

    @Test
    void aFileWithoutTitleOrOfAnUnknownFondsIsRefused() throws Exception {
        mvc.perform(json(post("/api/v1/volumes"), "{\"fonds\":\"ZZZZ\",\"category\":\"WS\",\"year\":1990,"
                        + "\"retention\":\"长期\",\"title\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[*].field", hasItem("题名")))
                .andExpect(jsonPath("$.violations[*].field", hasItem("保管期限")))
                .andExpect(jsonPath("$.violations[*].code", hasItem("catalog.unknown-fonds")));
        mvc.perform(json(post("/api/v1/volumes"), "{\"fonds\":\"" + fonds + "\",\"category\":\"WS\",\"year\":1990,"
                        + "\"retention\":\"永久\",\"title\":\"1990年文件汇集\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.archivalCode").value(fonds + "-WS·1990-Y-0001"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/items']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/search']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/imports']").exists());
    }
}
