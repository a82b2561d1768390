package cn.lantai.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogVolumes;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.NewVolume;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Volume;
import cn.lantai.identity.internal.TokenRefusals;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the application shows to callers who probe it: a hidden record is answered exactly as a missing one, a flood of
 * forged tokens is throttled per address and audited as counts, the metrics are the system administrator's, and every
 * response keeps its address to itself. Runs on every supported database.
 */
abstract class PublicSurfaceContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogVolumes volumes;

    @Autowired
    AuditTrail trail;

    @Autowired
    TokenRefusals refusals;

    @Autowired
    Staff staff;

    String fonds;

    @BeforeEach
    void aFonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "探测测试"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    private List<AuditEntry> entries(String actor, String action, String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(actor, action, target, null, null), 0, 1000))
                .entries();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletResponse read(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andReturn().getResponse();
    }

    /** The answer less what differs by request alone: the address asked for and the session's CSRF token. */
    private static String comparable(MockHttpServletResponse response, String path) throws Exception {
        return response.getContentAsString().replace(path, "…").replaceAll("name=\"_csrf\" (content|value)=\"[^\"]*\"", "");
    }

    @Test
    void aRecordBeyondOnesSightIsAnsweredAndAuditedExactlyAsOneThatDoesNotExist() throws Exception {
        String low = "low-" + fonds.toLowerCase(Locale.ROOT);
        staff.ensure(low, "秘密级著录员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item hidden = catalog.create(Entries.item(fonds, 2015, "机密的规划").with(DescriptionField.CLASSIFICATION, "机密")
                .input(), Viewer.system());
        Item gone = catalog.create(Entries.item(fonds, 2016, "删去的一件").input(), Viewer.system());
        catalog.delete(gone.id(), Viewer.system());
        Volume hiddenFile = volumes.create(new NewVolume(fonds, "WS", 1988, "永久", "BGS", "机密卷", "机密", "开放",
                null), Viewer.system());
        long noFile = hiddenFile.id() + 1_000_000_000L;

        for (String[] pair : List.of(
                new String[] {"/api/v1/items/" + hidden.id().value(), "/api/v1/items/" + gone.id().value()},
                new String[] {"/items/" + hidden.id().value(), "/items/" + gone.id().value()},
                new String[] {"/api/v1/volumes/" + hiddenFile.id(), "/api/v1/volumes/" + noFile})) {
            RequestPostProcessor who = pair[0].startsWith("/api/") ? Staff.as(low) : Staff.page(low);
            MockHttpServletResponse seen = read(pair[0], who);
            MockHttpServletResponse missing = read(pair[1], who);
            assertThat(seen.getStatus()).isEqualTo(404).isEqualTo(missing.getStatus());
            assertThat(comparable(seen, pair[0])).isEqualTo(comparable(missing, pair[1]));
        }
        // the same work for both: one refusal each in the trail, none naming what is hidden
        assertThat(entries(low, "catalog.view-refused", "item:" + hidden.id().value())).hasSize(2)
                .allSatisfy(e -> assertThat(e.after()).isNull());
        assertThat(entries(low, "catalog.view-refused", "item:" + gone.id().value())).hasSize(2)
                .allSatisfy(e -> assertThat(e.after()).isNull());
        assertThat(entries(low, "catalog.view-refused", "file:" + hiddenFile.id())).hasSize(1);
        assertThat(entries(low, "catalog.view-refused", "file:" + noFile)).hasSize(1);
    }

    @Test
    void aFloodOfForgedTokensIsThrottledPerAddressAndAuditedAsACount() throws Exception {
        String flooder = "10.77." + (fonds.charAt(0) % 200) + "." + (fonds.charAt(1) % 200 + 1);
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            MockHttpServletResponse r = read("/api/v1/me", request -> {
                request.setRemoteAddr(flooder);
                request.addHeader("Authorization", "Bearer lt_forged_" + fonds);
                return request;
            });
            answers.add(r.getStatus());
            if (r.getStatus() == 429) {
                assertThat(r.getHeader("Retry-After")).isEqualTo("60");
            }
        }
        // 30 refusals a minute per address (the window may turn once during the burst)
        assertThat(answers).containsOnly(401, 429);
        assertThat(answers.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(100 - 2 * 30);
        mvc.perform(get("/api/v1/me").with(from("10.78.0.1")).with(Staff.bearer("lt_forged")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(from(flooder)).with(Staff.archivist()))
                .andExpect(status().isTooManyRequests());

        refusals.flush();
        List<AuditEntry> flood = entries("unknown", "token.refused", null).stream()
                .filter(e -> flooder.equals(e.address())).toList();
        assertThat(flood).hasSizeBetween(2, 4);
        long counted = flood.stream().mapToLong(e -> e.after() == null ? 1
                : Long.parseLong(e.after().substring(0, e.after().indexOf(' ')))).sum();
        assertThat(counted).isEqualTo(101);
    }

    @Test
    void theMetricsAreTheSystemAdministratorsAndTheHealthIsAnyones() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(Staff.archivist())).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(Staff.archivist())).andExpect(status().isForbidden());
        // signed in to the workbench: refused as well
        mvc.perform(get("/actuator/prometheus").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(Staff.as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void noResponseTellsAnotherSiteWhereItCameFromAndTlsIsRememberedForAYear() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/api/v1/public/search").param("q", "通知"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
        mvc.perform(get("/items/1").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(get("/api/v1/public/search").param("q", "通知").secure(true))
                .andExpect(header().exists("Strict-Transport-Security"));
    }
}
