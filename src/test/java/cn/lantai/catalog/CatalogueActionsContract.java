package cn.lantai.catalog;

import java.util.List;
import java.util.Map;

import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The data rules under the workbench's bulk edit and renumbering, on every database: the preview counts what the edit
 * then does and writes nothing; a renumbering planned on a stale view of its group is refused and changes nothing.
 */
abstract class CatalogueActionsContract {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogBulkEdits bulkEdits;

    @Autowired
    CatalogRenumbering renumbering;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    String fonds() {
        String code = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(code, "批量测试全宗" + code), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        return code;
    }

    Item item(String fonds, int year, String retention, String title) {
        return catalog.create(Entries.item(fonds, 2019, title).with(DescriptionField.YEAR, Integer.toString(year))
                .with(DescriptionField.RETENTION, retention).input(), ADMIN);
    }

    List<Integer> versions(String fonds) {
        return jdbc.queryForList("SELECT version FROM item WHERE fonds_code = ? ORDER BY id", Integer.class, fonds);
    }

    List<String> codes(String fonds) {
        return jdbc.queryForList("SELECT archival_code FROM item WHERE fonds_code = ? ORDER BY id", String.class, fonds);
    }

    @Test
    void theBulkPreviewCountsWhatChangesWhatHoldsTheValueAndWhatMovesAndWritesNothing() {
        String fonds = fonds();
        Item a = item(fonds, 2018, "Y", "甲");
        Item b = item(fonds, 2018, "Y", "乙");
        Item c = item(fonds, 2018, "Y", "丙");
        Item d = item(fonds, 2018, "D30", "丁");
        List<Integer> before = versions(fonds);
        List<Long> ids = List.of(a.id().value(), c.id().value(), d.id().value());

        BulkEditPreview preview = bulkEdits.preview(ItemFilter.ofIds(ids), Map.of(DescriptionField.RETENTION, "定期30年"),
                ADMIN);

        assertThat(preview.selected()).isEqualTo(3);
        assertThat(preview.changing()).isEqualTo(2);
        assertThat(preview.unchanged()).isEqualTo(1);
        assertThat(preview.moving()).isEqualTo(2);
        assertThat(preview.sample()).extracting(BulkEditPreview.Row::archivalCode, BulkEditPreview.Row::newArchivalCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a.archivalCode(), fonds + "-WS·2018-D30-BGS-0002"),
                        org.assertj.core.groups.Tuple.tuple(c.archivalCode(), fonds + "-WS·2018-D30-BGS-0003"));
        assertThat(versions(fonds)).isEqualTo(before);

        var result = catalog.bulkEdit(ItemFilter.ofIds(ids), Map.of(DescriptionField.RETENTION, "定期30年"), ADMIN);
        assertThat(catalog.item(a.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·2018-D30-BGS-0002");
        assertThat(catalog.item(c.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·2018-D30-BGS-0003");
        // the group left closes up: 乙 was second, is first
        assertThat(catalog.item(b.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·2018-Y-BGS-0001");
        assertThat(result.selected()).isEqualTo(3);

        BulkEditPreview again = bulkEdits.preview(ItemFilter.ofIds(ids), Map.of(DescriptionField.RETENTION, "D30"),
                ADMIN);
        assertThat(again.changing()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
    }

    @Test
    void theBulkPreviewOfAFilterCountsFiveHundredItems() {
        String fonds = fonds();
        for (int i = 0; i < 500; i++) {
            item(fonds, 2017, "D10", "五百件之" + i);
        }
        ItemFilter filter = new ItemFilter(fonds, "WS", 2017, 2017, Retention.TEN_YEARS, null, null, null, null);
        BulkEditPreview preview = bulkEdits.preview(filter, Map.of(DescriptionField.CARRIER, "纸质"), ADMIN);
        assertThat(preview.selected()).isEqualTo(500);
        assertThat(preview.changing()).isEqualTo(500);
        assertThat(preview.moving()).isZero();
        assertThat(preview.sample()).hasSize(CatalogBulkEdits.SAMPLE);
        assertThat(catalog.bulkEdit(filter, Map.of(DescriptionField.CARRIER, "纸质"), ADMIN).changed()).isEqualTo(500);
        assertThat(bulkEdits.preview(filter, Map.of(DescriptionField.CARRIER, "纸质"), ADMIN).unchanged())
                .isEqualTo(500);
    }

    @Test
    void aSelectionByIdsNamingARecordOutOfSightIsRefusedWholeAndNothingChanges() {
        String fonds = fonds();
        Item open = item(fonds, 2016, "Y", "公开件");
        Item secret = catalog.create(Entries.item(fonds, 2016, "机密件").with(DescriptionField.CLASSIFICATION, "机密")
                .input(), ADMIN);
        Viewer clerk = new Viewer("clerk", null, Classification.CONFIDENTIAL, true, Scope.ALL,
                java.util.EnumSet.of(CatalogRight.CATALOG_EDIT));
        ItemFilter both = ItemFilter.ofIds(List.of(open.id().value(), secret.id().value()));
        List<Integer> before = versions(fonds);
        assertThatThrownBy(() -> bulkEdits.preview(both, Map.of(DescriptionField.NOTES, "已核"), clerk))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("catalog.selection-beyond-reach");
        assertThatThrownBy(() -> catalog.bulkEdit(both, Map.of(DescriptionField.NOTES, "已核"), clerk))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("catalog.selection-beyond-reach");
        // an id that names nothing answers the same
        ItemFilter missing = ItemFilter.ofIds(List.of(open.id().value(), Long.MAX_VALUE));
        assertThatThrownBy(() -> catalog.bulkEdit(missing, Map.of(DescriptionField.NOTES, "已核"), clerk))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("catalog.selection-beyond-reach");
        // a classification above one's clearance
        assertThatThrownBy(() -> bulkEdits.preview(ItemFilter.ofIds(List.of(open.id().value())),
                Map.of(DescriptionField.CLASSIFICATION, "机密"), clerk))
                .isInstanceOf(NotPermitted.class).hasMessageContaining("catalog.beyond-reach");
        assertThat(versions(fonds)).isEqualTo(before);
    }

    @Test
    void aRenumberingPlannedOnAStaleViewIsRefusedAndChangesNothing() throws Exception {
        String fonds = fonds();
        Item a = item(fonds, 2015, "Y", "甲");
        Item b = item(fonds, 2015, "Y", "乙");
        Item c = item(fonds, 2015, "Y", "丙");
        var view = renumbering.group(fonds, "WS", 2015, Retention.PERMANENT, "BGS", null, ADMIN);
        assertThat(view.items()).extracting(Item::id).containsExactly(a.id(), b.id(), c.id());

        // someone else edits one item of the group meanwhile
        catalog.update(b.id(), b.version(), new EntryInput(null, Map.of(DescriptionField.PAGES, "9"), null), ADMIN);
        List<String> codes = codes(fonds);
        List<Integer> versions = versions(fonds);
        assertThatThrownBy(() -> renumbering.renumber(fonds, "WS", 2015, Retention.PERMANENT, "BGS", null,
                List.of(c.id(), b.id(), a.id()), view.state(), ADMIN))
                .isInstanceOf(CatalogConflict.class).hasMessageContaining("catalog.group-changed");
        assertThat(codes(fonds)).isEqualTo(codes);
        assertThat(versions(fonds)).isEqualTo(versions);

        // the API refuses the same way
        mvc.perform(post("/api/v1/items/renumber").with(Staff.archivist()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fonds\":\"" + fonds + "\",\"category\":\"WS\",\"year\":2015,\"retention\":\"Y\","
                                + "\"org\":\"BGS\",\"order\":[" + c.id() + "," + a.id() + "],\"state\":\""
                                + view.state() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该组已被他人修改，请刷新后重试"));
        assertThat(versions(fonds)).isEqualTo(versions);

        // a fresh view renumbers
        String fresh = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/items/renumber")
                        .with(Staff.archivist()).param("fonds", fonds).param("category", "WS").param("year", "2015")
                        .param("retention", "Y").param("org", "BGS"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.state");
        assertThat(renumbering.renumber(fonds, "WS", 2015, Retention.PERMANENT, "BGS", null,
                List.of(c.id(), b.id(), a.id()), fresh, ADMIN)).hasSize(2);
        assertThat(catalog.item(c.id(), ADMIN).archivalCode()).endsWith("-0001");
        assertThat(catalog.item(a.id(), ADMIN).archivalCode()).endsWith("-0003");

        // the same renumbering posted again finds the group in that order already: nothing changes, nothing refused
        List<Integer> after = versions(fonds);
        assertThat(renumbering.renumber(fonds, "WS", 2015, Retention.PERMANENT, "BGS", null,
                List.of(c.id(), b.id(), a.id()), fresh, ADMIN)).isEmpty();
        assertThat(versions(fonds)).isEqualTo(after);
    }
}
