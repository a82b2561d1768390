package cn.lantai.catalog.internal;

import java.util.EnumSet;
import java.util.Map;

import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Controlled vocabularies as unit catalogues write them: a common other spelling is read and said so, others refused. */
class VocabularyReadingTest {

    private final EntryRules rules = new EntryRules(null);

    @Test
    void aCommonOtherSpellingIsReadAsTheListedValueWithANotice() {
        Entry entry = rules.apply(null, Map.of(DescriptionField.LANGUAGE, "中文", DescriptionField.CARRIER, "纸张"),
                Map.of(), null, EnumSet.noneOf(DescriptionField.class));

        assertThat(entry.violations()).isEmpty();
        assertThat(entry.description().get(DescriptionField.LANGUAGE)).isEqualTo("汉语");
        assertThat(entry.description().get(DescriptionField.CARRIER)).isEqualTo("纸质");
        assertThat(entry.notices()).extracting(Violation::code).containsOnly("catalog.read-as-listed");
        assertThat(entry.notices()).extracting(Violation::value).containsExactlyInAnyOrder("中文", "纸张");
    }

    @Test
    void aValueOutsideTheVocabularyIsRefusedNamingTheChoices() {
        Entry entry = rules.apply(null, Map.of(DescriptionField.DOC_TYPE, "便条"), Map.of(), null,
                EnumSet.noneOf(DescriptionField.class));

        assertThat(entry.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("catalog.not-in-vocabulary");
            assertThat(v.value()).isEqualTo("便条");
            assertThat(v.args().get(0).toString()).contains("通知").contains("批复");
        });
        assertThat(entry.description().get(DescriptionField.DOC_TYPE)).isNull();
    }
}
