package cn.lantai.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail names an export's selection as it names other targets, never as the record's Java form. */
class ItemFilterTest {

    @Test
    void aSelectionIsNamedByItsItemsAndAFilterByItsParts() {
        assertThat(ItemFilter.ofIds(List.of(10L, 2L, 3L)).auditTarget()).isEqualTo("items:10,2,3");
        assertThat(new ItemFilter("0301", "HT", 2019, 2019, Retention.PERMANENT, "BGS", null, null, null).auditTarget())
                .isEqualTo("fonds:0301 category:HT year:2019 retention:Y org:BGS");
        assertThat(new ItemFilter("0301", null, 2018, null, null, null, Classification.NONE, null, null).auditTarget())
                .isEqualTo("fonds:0301 year:2018- classification:NONE");
        assertThat(ItemFilter.all().auditTarget()).isEqualTo("items:all").doesNotContain("ItemFilter[");
    }
}
