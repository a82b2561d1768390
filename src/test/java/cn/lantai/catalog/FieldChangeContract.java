package cn.lantai.catalog;

import java.util.List;
import java.util.Map;

import cn.lantai.catalog.FieldDefinition.Type;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A category's own fields cannot be tightened below what its records hold: a field made mandatory that some lack, a
 * vocabulary narrowed or a length shortened under stored values are refused, naming how many records and one 档号,
 * and the definition stays as it was; loosening passes. The API answers the same refusal as problem JSON (409).
 * Runs on H2 and PostgreSQL.
 */
abstract class FieldChangeContract {

    static final Viewer ADMIN = Viewer.staff("registrar", Classification.TOP_SECRET, true);

    @Autowired
    CatalogRegistry registry;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    MockMvc mvc;

    String category;
    Item longNote;
    Item bare;

    static FieldDefinition note(int maxLength, boolean mandatory) {
        return new FieldDefinition("note", "说明", Type.TEXT, maxLength, mandatory, List.of());
    }

    static FieldDefinition kind(String... vocabulary) {
        return new FieldDefinition("kind", "类别", Type.CHOICE, null, false, List.of(vocabulary));
    }

    Category definition(FieldDefinition... fields) {
        return new Category(category, "字段变更测试", List.of(fields));
    }

    @BeforeEach
    void aCategoryWithRecords() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "字段变更测试全宗"), Viewer.system());
        category = RegistryPagesTest.freshCategory(registry);
        registry.saveCategory(definition(note(50, false), kind("甲", "乙", "丙")), CatalogRegistry.Intent.NEW, ADMIN);
        longNote = create(fonds, "第一件", Map.of("note", "一段长达二十个字符的说明文字，用来测试长度缩短", "kind", "丙"));
        create(fonds, "第二件", Map.of("note", "短", "kind", "甲"));
        bare = create(fonds, "第三件", Map.of());
    }

    Item create(String fonds, String title, Map<String, String> extra) {
        EntryInput base = Entries.item(fonds, 2020, title).with(DescriptionField.CATEGORY, category).input();
        return catalog.create(new EntryInput(null, base.fields(), extra), ADMIN);
    }

    Violation refusal(Category change) {
        FieldsInUse refused = catchThrowableOfType(FieldsInUse.class,
                () -> registry.saveCategory(change, CatalogRegistry.Intent.EXISTING, ADMIN));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.violations()).hasSize(1);
        assertThat(registry.category(category).fields()).containsExactly(note(50, false), kind("甲", "乙", "丙"));
        return refused.violations().get(0);
    }

    @Test
    void aFieldMadeMandatoryIsRefusedWhileRecordsLackItNamingHowManyAndOne() {
        Violation v = refusal(definition(note(50, true), kind("甲", "乙", "丙")));
        assertThat(v.code()).isEqualTo("registry.field-values-missing");
        assertThat(v.field()).isEqualTo("说明");
        assertThat(v.args()).startsWith(1L, bare.archivalCode());
    }

    @Test
    void aVocabularyNarrowedBelowStoredValuesIsRefused() {
        Violation v = refusal(definition(note(50, false), kind("甲", "乙")));
        assertThat(v.code()).isEqualTo("registry.field-values-outside");
        assertThat(v.args()).startsWith(1L, longNote.archivalCode());
    }

    @Test
    void aLengthShortenedBelowStoredValuesIsRefused() {
        Violation v = refusal(definition(note(10, false), kind("甲", "乙", "丙")));
        assertThat(v.code()).isEqualTo("registry.field-values-longer");
        assertThat(v.args()).startsWith(1L, longNote.archivalCode());
    }

    @Test
    void aTypeChangedToNumberIsRefusedWhileRecordsHoldText() {
        Violation v = refusal(definition(new FieldDefinition("note", "说明", Type.NUMBER, 50, false, List.of()),
                kind("甲", "乙", "丙")));
        assertThat(v.code()).isEqualTo("registry.field-values-wrong-type");
        assertThat(v.args()).startsWith(2L);
    }

    @Test
    void aNewMandatoryFieldIsRefusedWhileAnyRecordExists() {
        Violation v = refusal(definition(note(50, false), kind("甲", "乙", "丙"),
                new FieldDefinition("box", "盒号", Type.TEXT, null, true, List.of())));
        assertThat(v.args()).startsWith(3L);
    }

    @Test
    void looseningPassesAndSoDoesTighteningThatNoRecordContradicts() {
        Category looser = definition(note(40, false), kind("甲", "乙", "丙", "丁"),
                new FieldDefinition("box", "盒号", Type.TEXT, null, false, List.of()));
        assertThat(registry.saveCategory(looser, CatalogRegistry.Intent.EXISTING, ADMIN)).isEqualTo(looser);
        assertThat(registry.category(category)).isEqualTo(looser);
    }

    @Test
    void theApiAnswersTheRefusalAsAProblemWithEachField() throws Exception {
        String body = """
                {"name": "字段变更测试", "fields": [
                  {"key": "note", "label": "说明", "type": "TEXT", "maxLength": 10, "mandatory": true},
                  {"key": "kind", "label": "类别", "type": "CHOICE", "vocabulary": ["甲"]}]}""";
        mvc.perform(put("/api/v1/categories/" + category).with(Staff.archivist())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已有档案与新的字段定义不符")))
                .andExpect(jsonPath("$.violations.length()").value(3))
                .andExpect(jsonPath("$.violations[0].message", containsString("1 件档案缺少此字段的值")))
                .andExpect(jsonPath("$.violations[1].message", containsString(longNote.archivalCode())));
        assertThat(registry.category(category).fields()).containsExactly(note(50, false), kind("甲", "乙", "丙"));
    }
}
