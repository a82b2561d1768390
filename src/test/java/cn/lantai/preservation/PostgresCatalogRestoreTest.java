package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogRestore;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.PostgresTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalogue's restore on PostgreSQL (H2 is covered by {@link StoreRebuildTest}): an item comes back under its own
 * id and version, and the id sequence moves past it, so the next item never takes an id the store already names.
 */
@PostgresTest
class PostgresCatalogRestoreTest {

    @Autowired
    CatalogManagement catalog;
    @Autowired
    CatalogRestore restore;

    @Test
    void anItemComesBackUnderItsOwnIdAndVersionAndNewIdsContinuePastIt() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "恢复测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        Item made = catalog.create(Entries.item(fonds, 2018, "先建的条目").input(), Viewer.system());
        long farAhead = made.id().value() + 50_000;
        Description description = made.description().with(DescriptionField.ITEM_NO, "2")
                .with(DescriptionField.TITLE, "从存储恢复的条目");
        Item restored = new Item(new ItemId(farAhead), description.archivalCode().toString(), description,
                Map.of(), 7, null);

        restore.restoreItems(List.of(restored));
        restore.continueIds();

        Item back = catalog.itemsForIndexing(List.of(restored.id())).get(0);
        assertThat(back.archivalCode()).isEqualTo(restored.archivalCode());
        assertThat(back.version()).isEqualTo(7);
        assertThat(back.title()).isEqualTo("从存储恢复的条目");
        Item next = catalog.create(Entries.item(fonds, 2018, "恢复之后新建的条目").input(), Viewer.system());
        assertThat(next.id().value()).isGreaterThan(farAhead);
    }

    @Test
    void aDescriptionWhoseArchivalCodeIsNotTheOneStoredBesideItIsRefusedWhole() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "恢复测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        Item made = catalog.create(Entries.item(fonds, 2018, "先建的条目").input(), Viewer.system());
        Item lying = new Item(new ItemId(made.id().value() + 60_000), fonds + "-WS·2018-Y-BGS-0099",
                made.description().with(DescriptionField.ITEM_NO, "3"), Map.of(), 0, null);

        assertThatThrownBy(() -> restore.restoreItems(List.of(lying))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0099");
        assertThat(catalog.itemsForIndexing(List.of(lying.id()))).isEmpty();
    }
}
