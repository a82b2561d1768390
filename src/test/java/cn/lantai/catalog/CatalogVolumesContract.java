package cn.lantai.catalog;

import java.util.List;

import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Files (卷) after they are made: retitled and dated, items moved in and out, emptied and deleted; file numbers and the
 * item numbers inside each file stay gap-free, on every database Lantai supports.
 */
abstract class CatalogVolumesContract {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogVolumes volumes;

    @Autowired
    CatalogRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    String fonds;
    Volume first;
    Volume second;
    Volume third;

    @BeforeEach
    void threeFiles() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "案卷测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        first = file("第一卷");
        second = file("第二卷");
        third = file("第三卷");
    }

    Volume file(String title) {
        return volumes.create(new NewVolume(fonds, "WS", 1988, "永久", "BGS", title, null, "开放", null), ADMIN);
    }

    Item in(Volume file, String title) {
        return catalog.create(Entries.item(fonds, 1988, title).with(DescriptionField.VOLUME,
                Integer.toString(file.number())).input(), ADMIN);
    }

    List<String> codes(Volume file) {
        return volumes.items(file.id(), ADMIN).stream().map(Item::archivalCode).toList();
    }

    List<String> titles(Volume file) {
        return volumes.items(file.id(), ADMIN).stream().map(Item::title).toList();
    }

    @Test
    void aFileIsMadeInACategoryWithAMandatoryFieldOfItsOwnWhichItsItemsStillNeed() {
        String code = RegistryPagesTest.freshCategory(registry);
        catalog.defineCategory(new Category(code, "合同", List.of(new FieldDefinition("contractNo", "合同编号",
                FieldDefinition.Type.TEXT, 30, true, List.of()))), Viewer.system());

        Volume file = volumes.create(new NewVolume(fonds, code, 2020, "永久", "BGS", "2020年合同", null, "开放", null),
                ADMIN);
        assertThat(file.archivalCode()).isEqualTo(fonds + "-" + code + "·2020-Y-BGS-0001");

        EntryInput withoutIt = Entries.item(fonds, 2020, "卷内合同").with(DescriptionField.CATEGORY, code)
                .with(DescriptionField.VOLUME, "1").input();
        assertThatThrownBy(() -> catalog.create(withoutIt, ADMIN)).isInstanceOf(InvalidEntry.class)
                .hasMessageContaining("合同编号");
        Item item = catalog.create(new EntryInput(null, withoutIt.fields(), java.util.Map.of("contractNo", "HT-1")),
                ADMIN);
        assertThat(item.archivalCode()).isEqualTo(fonds + "-" + code + "·2020-Y-BGS-0001-0001");
    }

    @Test
    void aFileIsRetitledAndGivenADateRangeAndTheChangeIsVersioned() {
        Volume changed = volumes.describe(first.id(), new VolumeChange("1988年办公室文件", "1988年1月4日", "1988-12-30"),
                ADMIN);
        assertThat(changed.title()).isEqualTo("1988年办公室文件");
        assertThat(changed.startDate()).hasToString("1988-01-04");
        assertThat(changed.endDate()).hasToString("1988-12-30");
        assertThat(volumes.volume(first.id(), ADMIN)).isEqualTo(changed);
        assertThat(jdbc.queryForList("SELECT field FROM item_change WHERE item_id = ? ORDER BY id", String.class,
                first.id())).containsExactly("file", "file.title", "file.startDate", "file.endDate");
    }

    @Test
    void aReversedOrUnreadableDateRangeOrABlankTitleChangesNothing() {
        assertThatThrownBy(() -> volumes.describe(first.id(), new VolumeChange("新题名", "1988-12-30", "1988-01-04"),
                ADMIN)).isInstanceOf(InvalidEntry.class)
                .satisfies(e -> assertThat(((InvalidEntry) e).violations()).extracting(Violation::code)
                        .containsExactly("catalog.date-range-reversed"));
        assertThatThrownBy(() -> volumes.describe(first.id(), new VolumeChange(" ", "1988-02-30", null), ADMIN))
                .isInstanceOf(InvalidEntry.class)
                .satisfies(e -> assertThat(((InvalidEntry) e).violations()).extracting(Violation::code)
                        .containsExactly("catalog.missing", "catalog.bad-date"));
        assertThat(volumes.volume(first.id(), ADMIN).title()).isEqualTo("第一卷");
    }

    @Test
    void itemsMovedIntoAFileJoinItsEndAndTheFileTheyLeftIsClosedUp() {
        Item a = in(first, "甲");
        Item b = in(second, "乙");
        Item c = in(second, "丙");
        Item d = in(second, "丁");

        volumes.addItems(first.id(), List.of(c.id(), b.id()), ADMIN);

        assertThat(titles(first)).containsExactly("甲", "丙", "乙");
        assertThat(codes(first)).containsExactly(a.archivalCode(), fonds + "-WS·1988-Y-BGS-0001-0002",
                fonds + "-WS·1988-Y-BGS-0001-0003");
        assertThat(codes(second)).containsExactly(fonds + "-WS·1988-Y-BGS-0002-0001");
        assertThat(titles(second)).containsExactly("丁");
        assertThat(catalog.history(d.id(), ADMIN)).extracting(Change::field).contains("itemNo");
    }

    @Test
    void anItemTakenOutOfAFileGoesToAnotherFileOfItsGroup() {
        Item a = in(first, "甲");
        in(first, "乙");

        volumes.removeItem(first.id(), a.id(), third.id(), ADMIN);

        assertThat(titles(first)).containsExactly("乙");
        assertThat(codes(first)).containsExactly(fonds + "-WS·1988-Y-BGS-0001-0001");
        assertThat(codes(third)).containsExactly(fonds + "-WS·1988-Y-BGS-0003-0001");
        assertThatThrownBy(() -> volumes.removeItem(second.id(), a.id(), first.id(), ADMIN))
                .isInstanceOf(CatalogConflict.class).hasFieldOrPropertyWithValue("code", "catalog.not-in-file");
    }

    @Test
    void anItemOfAnotherGroupIsRefusedAndNothingMoves() {
        Item mine = in(first, "甲");
        Item loose = catalog.create(Entries.item(fonds, 1990, "另一分组的条目").input(), ADMIN);

        assertThatThrownBy(() -> volumes.addItems(first.id(), List.of(mine.id(), loose.id()), ADMIN))
                .isInstanceOf(CatalogConflict.class)
                .hasFieldOrPropertyWithValue("code", "catalog.item-of-other-group");

        assertThat(catalog.item(loose.id(), ADMIN).archivalCode()).isEqualTo(loose.archivalCode());
        assertThat(titles(first)).containsExactly("甲");
    }

    @Test
    void aFileHoldingItemsIsNotDeletedAndSaysHowMany() {
        in(second, "甲");
        in(second, "乙");

        assertThatThrownBy(() -> volumes.delete(second.id(), ADMIN)).isInstanceOf(CatalogConflict.class)
                .hasFieldOrPropertyWithValue("code", "catalog.file-not-empty")
                .satisfies(e -> assertThat(((CatalogConflict) e).args()).containsExactly(second.archivalCode(), 2));
        assertThat(volumes.volumes(fonds, "WS", 1988, Retention.PERMANENT, "BGS", ADMIN)).hasSize(3);
    }

    @Test
    void deletingAnEmptyFileClosesUpTheFilesAfterItAndTheirItemsCodes() {
        Item a = in(third, "甲");
        in(third, "乙");

        volumes.delete(second.id(), ADMIN);

        assertThat(volumes.volumes(fonds, "WS", 1988, Retention.PERMANENT, "BGS", ADMIN))
                .extracting(Volume::number, Volume::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "第一卷"),
                        org.assertj.core.groups.Tuple.tuple(2, "第三卷"));
        assertThat(volumes.volume(third.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0002");
        assertThat(codes(volumes.volume(third.id(), ADMIN))).containsExactly(fonds + "-WS·1988-Y-BGS-0002-0001",
                fonds + "-WS·1988-Y-BGS-0002-0002");
        assertThat(catalog.item(a.id(), ADMIN).description().volume()).isEqualTo(2);
        // the freed number is the next one again: a new file continues the group without a gap
        assertThat(file("第四卷").number()).isEqualTo(3);
        // and an item can be catalogued into the renumbered file
        assertThat(in(volumes.volume(third.id(), ADMIN), "丙").archivalCode())
                .isEqualTo(fonds + "-WS·1988-Y-BGS-0002-0003");
    }

    @Test
    void theApiRetitlesMovesAndDeletesThroughTheSameService() throws Exception {
        Item a = in(second, "甲");
        mvc.perform(patch("/api/v1/volumes/" + first.id()).with(Staff.archivist())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"改过的题名\",\"startDate\":\"1988-01-01\",\"endDate\":\"1988-06-30\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("改过的题名"))
                .andExpect(jsonPath("$.endDate").value("1988-06-30"));
        mvc.perform(post("/api/v1/volumes/" + first.id() + "/items").with(Staff.archivist())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[" + a.id().value() + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.moved[0]").value(a.id().value()));
        mvc.perform(delete("/api/v1/volumes/" + first.id()).with(Staff.archivist()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/volumes/" + first.id() + "/items/" + a.id().value()).param("to",
                        Long.toString(second.id())).with(Staff.archivist()))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/volumes/" + first.id()).with(Staff.archivist()))
                .andExpect(status().isNoContent());
        assertThat(catalog.item(a.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0001-0001");
    }
}
