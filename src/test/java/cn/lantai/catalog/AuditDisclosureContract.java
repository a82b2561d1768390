package cn.lantai.catalog;

import java.util.List;
import java.util.Map;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.audit.ValueDigest;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit trail tells the security auditor (clearance 无, reads no record) which fields of a record changed, never
 * what they say; the values stay in the catalogue's history, which only those cleared for the record read, with the
 * salts that tie them to the digests in the chain. Run on every database Lantai supports.
 */
abstract class AuditDisclosureContract {

    private static final Viewer CATALOGUER = Viewer.staff("disclosure-cataloguer", Classification.TOP_SECRET, true);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CatalogManagement catalog;
    @Autowired
    AuditTrail trail;
    @Autowired
    Staff staff;
    @Autowired
    MockMvc mvc;

    @Test
    void theTrailOfAClassifiedRecordsEditNamesTheFieldsChangedWithSaltedDigestsInsteadOfWhatTheySay() throws Exception {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "密级审计测试"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        Item item = catalog.create(Entries.item(fonds, 2015, "重点工程选址论证报告")
                .with(DescriptionField.CLASSIFICATION, "机密").with(DescriptionField.OPEN_STATUS, "控制")
                .with(DescriptionField.SCOPE_NOTE, "论证了城东三处备选地块的地质与交通条件").input(), CATALOGUER);

        catalog.update(item.id(), item.version(), new EntryInput(null, Map.of(
                DescriptionField.SCOPE_NOTE, "论证了城东两处备选地块，建议选用北侧地块",
                DescriptionField.DATE, "2015-04-01",
                DescriptionField.CLASSIFICATION, "秘密"), Map.of()), CATALOGUER);

        String target = "item:" + item.id().value() + " ";
        AuditEntry entry = staff.asAuditor(() -> trail.entries(
                new AuditQuery(CATALOGUER.name(), "catalog.update", target, null, null), 0, 10)).entries().get(0);
        assertThat(entry.before() + entry.after()).doesNotContain("地块").doesNotContain("2015-03-12")
                .doesNotContain("2015-04-01");
        Map<String, String> before = JSON.readValue(entry.before(), new TypeReference<Map<String, String>>() { });
        Map<String, String> after = JSON.readValue(entry.after(), new TypeReference<Map<String, String>>() { });
        assertThat(after).containsOnlyKeys("scopeNote", "date", "classification");

        // the history, read by someone cleared for the record, holds the values and the salts that prove them
        List<Change> changed = catalog.history(item.id(), CATALOGUER).stream()
                .filter(c -> c.operation().equals("UPDATE")).toList();
        assertThat(changed).extracting(Change::field).containsExactlyInAnyOrder("scopeNote", "date", "classification");
        for (Change c : changed) {
            if (c.field().equals("classification")) {
                // how a record is marked is the auditor's business: declassifying it shows
                assertThat(c.salt()).isNull();
                assertThat(before.get(c.field())).isEqualTo(c.oldValue()).isEqualTo(Classification.SECRET.name());
                assertThat(after.get(c.field())).isEqualTo(c.newValue()).isEqualTo(Classification.CONFIDENTIAL.name());
            } else {
                assertThat(c.salt()).hasSize(32);
                assertThat(before.get(c.field())).startsWith("sm3:").isEqualTo(ValueDigest.of(c.salt(), c.oldValue()));
                assertThat(after.get(c.field())).startsWith("sm3:").isEqualTo(ValueDigest.of(c.salt(), c.newValue()));
            }
        }
        // one salt per change, kept only in the history: a short value (a date) cannot be matched by hashing guesses
        assertThat(changed).extracting(Change::salt).filteredOn(s -> s != null).doesNotHaveDuplicates();

        mvc.perform(get("/audit").param("target", target).with(Staff.page("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("范围和提要：（已加密摘要）")))
                .andExpect(content().string(not(containsString("sm3:"))))
                .andExpect(content().string(not(containsString("地块"))));
    }
}
