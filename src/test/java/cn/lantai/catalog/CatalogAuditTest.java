package cn.lantai.catalog;

import java.util.List;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every change, every view of a controlled record and every refused read of the catalogue is in the audit trail. */
@LantaiTest
class CatalogAuditTest {

    @Autowired
    CatalogManagement catalog;
    @Autowired
    AuditTrail trail;
    @Autowired
    Staff staff;
    @Autowired
    MockMvc mvc;

    private Item item(String title, String classification, String openStatus) {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "审计测试"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        return catalog.create(Entries.item(fonds, 2010, title).with(DescriptionField.CLASSIFICATION, classification)
                .with(DescriptionField.OPEN_STATUS, openStatus).input(), Viewer.system());
    }

    private List<AuditEntry> entries(String actor, String action, String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(actor, action, target, null, null), 0, 100)).entries();
    }

    @Test
    void askingForARecordAboveOnesClearanceIsNotFoundAndAudited() throws Exception {
        Item secret = item("机密的城市规划", "机密", "控制");
        String user = "low-" + secret.id().value();
        staff.ensure(user, "秘密级", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        mvc.perform(get("/api/v1/items/" + secret.id().value()).with(Staff.as(user))).andExpect(status().isNotFound());
        assertThat(entries(user, "catalog.view-refused", "item:" + secret.id().value())).hasSize(1);
    }

    @Test
    void viewingAControlledRecordIsAuditedAndAnOpenOneIsNot() throws Exception {
        Item controlled = item("未开放的会议记录", "无", "控制");
        Item open = item("已开放的通知", "无", "开放");
        mvc.perform(get("/api/v1/items/" + controlled.id().value()).with(Staff.archivist())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/items/" + open.id().value()).with(Staff.archivist())).andExpect(status().isOk());
        assertThat(entries(Staff.ARCHIVIST, "catalog.view", "item:" + controlled.id().value() + " ")).hasSize(1);
        assertThat(entries(Staff.ARCHIVIST, "catalog.view", "item:" + open.id().value() + " ")).isEmpty();
        // the workbench's item page shows the record with its history: one view, one entry
        mvc.perform(get("/items/" + controlled.id().value()).with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isOk());
        assertThat(entries(Staff.ARCHIVIST, "catalog.view", "item:" + controlled.id().value() + " ")).hasSize(2);
    }

    @Test
    void aChangeIsAuditedWithWhoFromWhereAndWhichFieldsChangedEvenOfAnOpenRecord() throws Exception {
        Item item = item("原来的题名", "无", "开放");
        mvc.perform(patch("/api/v1/items/" + item.id().value()).with(Staff.archivist())
                .with(request -> {
                    request.setRemoteAddr("10.1.2.3");
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + item.version() + ",\"title\":\"改过的题名\"}"))
                .andExpect(status().isOk());
        List<AuditEntry> changes = entries(Staff.ARCHIVIST, "catalog.update", "item:" + item.id().value() + " ");
        assertThat(changes).singleElement().satisfies(e -> {
            assertThat(e.address()).isEqualTo("10.1.2.3");
            // digests even for an open record: its marks may change later, its audit entries never
            assertThat(e.before()).startsWith("{\"title\":\"sm3:").doesNotContain("原来的题名");
            assertThat(e.after()).startsWith("{\"title\":\"sm3:").doesNotContain("改过的题名");
        });
    }

    @Test
    void aCategoryDefinitionChangeIsAuditedWithTheDefinitionBeforeAndAfter() {
        catalog.defineCategory(new Category("QT", "其他", List.of()), Viewer.system());
        catalog.defineCategory(new Category("QT", "其他档案", List.of()), Viewer.system());
        assertThat(entries("system", "catalog.define-category", "category:QT")).first().satisfies(e -> {
            assertThat(e.before()).contains("name=其他,").doesNotContain("其他档案");
            assertThat(e.after()).contains("name=其他档案,");
        });
    }

    @Test
    void aTaskRefusedForWantOfARightIsAudited() throws Exception {
        Item item = item("只读的文件", "无", "开放");
        String reader = "reader-" + item.id().value();
        staff.ensure(reader, "利用窗口", null, Classification.NONE, List.of("READING_ROOM"));
        mvc.perform(patch("/api/v1/items/" + item.id().value()).with(Staff.as(reader))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1,\"title\":\"改\"}"))
                .andExpect(status().isForbidden());
        assertThat(entries(reader, "catalog.refused", "item:" + item.id().value())).singleElement()
                .satisfies(e -> assertThat(e.after()).isEqualTo("CATALOG_EDIT"));
    }
}
