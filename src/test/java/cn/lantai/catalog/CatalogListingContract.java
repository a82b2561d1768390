package cn.lantai.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue list's queries on every database Lantai supports (H2 and PostgreSQL): the order by a column, pages of
 * it, the tree below a year, and the columns each person keeps.
 */
abstract class CatalogListingContract {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogListing listing;

    @Autowired
    CatalogVolumes volumes;

    String fonds() {
        String code = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(code, "列表测试全宗" + code), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        return code;
    }

    Item item(String fonds, String title, String creator, String pages) {
        Entries e = Entries.item(fonds, 2019, title).with(DescriptionField.CREATOR, creator);
        if (pages != null) {
            e.with(DescriptionField.PAGES, pages);
        }
        return catalog.create(e.input(), ADMIN);
    }

    List<String> titles(String fonds, String sort, int page, int size) {
        return listing.list(new ItemFilter(fonds, null, null, null, null, null, null, null, null), null,
                ListOrder.parse(sort), ADMIN, page, size).items().stream().map(Item::title).toList();
    }

    @Test
    void aListIsOrderedByTheChosenColumnBothWaysWithEmptyValuesLastAndTiesByArchivalCode() {
        String fonds = fonds();
        item(fonds, "一", "B单位", "12");
        item(fonds, "二", "A单位", null);
        item(fonds, "三", "C单位", "3");
        item(fonds, "四", "A单位", "40");

        assertThat(titles(fonds, "creator", 0, 10)).containsExactly("二", "四", "一", "三");
        assertThat(titles(fonds, "-creator", 0, 10)).containsExactly("三", "一", "四", "二");
        // numbers as numbers (3 before 12), the item without pages last whichever the direction
        assertThat(titles(fonds, "pages", 0, 10)).containsExactly("三", "一", "四", "二");
        assertThat(titles(fonds, "-pages", 0, 10)).containsExactly("四", "一", "三", "二");
        assertThat(titles(fonds, "", 0, 10)).containsExactly("一", "二", "三", "四");
        assertThat(titles(fonds, "-archivalCode", 0, 10)).containsExactly("四", "三", "二", "一");
    }

    @Test
    void pagesOfAnOrderedListNeitherRepeatNorSkipAnItem() {
        String fonds = fonds();
        List<String> made = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            made.add(item(fonds, "第" + i + "件", "同一单位", null).title());
        }
        List<String> read = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            read.addAll(titles(fonds, "-creator", page, 3));
        }
        Collections.reverse(made);
        assertThat(read).containsExactlyElementsOf(made);
        assertThat(titles(fonds, "creator", 3, 3)).isEmpty();
        assertThat(titles(fonds, "creator", Integer.MAX_VALUE, 500)).isEmpty();
        ItemPage clamped = listing.list(ItemFilter.all(), null, ListOrder.ARCHIVAL, ADMIN, -5, 100_000);
        assertThat(clamped.page()).isZero();
        assertThat(clamped.size()).isEqualTo(CatalogListing.MAX_SIZE);
    }

    @Test
    void anUnknownOrLongTextColumnCannotOrderAList() {
        assertThatThrownBy(() -> ListOrder.parse("title; DROP TABLE item")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown sort column");
        assertThatThrownBy(() -> ListOrder.parse("fullText")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListOrder.parse("extra.groomName")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ListOrder.parseOrDefault("nonsense")).isEqualTo(ListOrder.ARCHIVAL);
    }

    @Test
    void theTreeBelowAYearCountsByRetentionOrgAndFileWhatTheViewerMaySee() {
        String fonds = fonds();
        catalog.create(Entries.item(fonds, 2019, "永久办公室一").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "永久办公室二").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "永久无机构").with(DescriptionField.ORG, "").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "三十年").with(DescriptionField.RETENTION, "D30").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "机密").with(DescriptionField.RETENTION, "D30")
                .with(DescriptionField.CLASSIFICATION, "机密").input(), ADMIN);
        volumes.create(new NewVolume(fonds, "WS", 2019, "D10", "BGS", "卷一", null, "开放", null), ADMIN);
        catalog.create(Entries.item(fonds, 2019, "卷内一").with(DescriptionField.RETENTION, "D10")
                .with(DescriptionField.VOLUME, "1").input(), ADMIN);
        catalog.create(Entries.item(fonds, 2020, "另一年度").input(), ADMIN);

        // longest kept first (永久, 定期30年, 定期10年), as the bureau's lists go
        assertThat(listing.groups(fonds, "WS", 2019, ADMIN)).containsExactly(
                new GroupHolding(Retention.PERMANENT, "", null, 1),
                new GroupHolding(Retention.PERMANENT, "BGS", null, 2),
                new GroupHolding(Retention.THIRTY_YEARS, "BGS", null, 2),
                new GroupHolding(Retention.TEN_YEARS, "BGS", 1, 1));
        Viewer unclassified = Viewer.staff("clerk", Classification.NONE, true);
        assertThat(listing.groups(fonds, "WS", 2019, unclassified))
                .contains(new GroupHolding(Retention.THIRTY_YEARS, "BGS", null, 1));

        ItemFilter noOrg = new ItemFilter(fonds, "WS", 2019, 2019, Retention.PERMANENT, "", null, null, null);
        assertThat(listing.list(noOrg, null, ListOrder.ARCHIVAL, ADMIN, 0, 50).items()).extracting(Item::title)
                .containsExactly("永久无机构");
        ItemFilter inFiles = new ItemFilter(fonds, "WS", 2019, 2019, Retention.TEN_YEARS, "BGS", null, null, null);
        assertThat(listing.list(inFiles, 1, ListOrder.ARCHIVAL, ADMIN, 0, 50).total()).isEqualTo(1);
        assertThat(listing.list(inFiles, 2, ListOrder.ARCHIVAL, ADMIN, 0, 50).total()).isZero();
    }

    @Test
    void eachPersonKeepsTheColumnsTheyChoseAndUnknownNamesAreLeftOut() {
        Viewer one = Viewer.staff("columns-" + Catalogues.freshFonds(), Classification.NONE, false);
        Viewer other = Viewer.staff("columns-" + Catalogues.freshFonds(), Classification.NONE, false);
        assertThat(listing.columns(one)).isEqualTo(CatalogListing.DEFAULT_COLUMNS);

        listing.chooseColumns(List.of("archivalCode", "itemNo", "bogus", "fullText", "<script>", "extra.groomName"),
                one);
        assertThat(listing.columns(one)).containsExactly("archivalCode", "itemNo", "extra.groomName");
        listing.chooseColumns(List.of("creator", "pages"), one);
        assertThat(listing.columns(one)).containsExactly("creator", "pages");
        assertThat(listing.columns(other)).isEqualTo(CatalogListing.DEFAULT_COLUMNS);
        listing.chooseColumns(List.of(), one);
        assertThat(listing.columns(one)).isEqualTo(CatalogListing.DEFAULT_COLUMNS);
    }
}
