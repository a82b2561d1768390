package cn.lantai.exhibition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Path;
import java.util.List;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pages as a browser posts to them: malformed, hostile and oversized form input answered on the page with the
 * reason and nothing written; the curators' pages closed to anyone without {@code CURATE}; and the portal's pages
 * showing only what is public, answering 404 for a draft, and counting a reload as no new visit.
 */
@LantaiTest
class ExhibitionPagesTest {

    private static final String CURATOR = "curator-pages";

    @Autowired
    MockMvc mvc;
    @Autowired
    Exhibitions exhibitions;
    @Autowired
    Compilations compilations;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    PageLedger ledger;
    @Autowired
    Staff staff;

    @TempDir
    Path dir;

    private ExhibitRecords records;
    private final Viewer viewer = Viewer.staff(CURATOR, Classification.NONE, false);

    @BeforeEach
    void records() {
        staff.ensure(CURATOR, "策展员", null, Classification.NONE, List.of("CURATION"));
        records = new ExhibitRecords(catalog, store, ledger, dir);
    }

    @Test
    void badFormInputIsRefusedOnThePageWithItsReason() throws Exception {
        MockHttpServletResponse tooLong = send(post("/exhibitions").param("title", "题".repeat(5000)));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString()).contains("请填写标题，不超过 100 个字");

        long id = staff.as(CURATOR, () -> exhibitions.create(new ExhibitionDraft(null, "表单测试", null, null, null,
                null), viewer)).id();
        long section = staff.as(CURATOR, () -> exhibitions.addSection(id, "单元", null, viewer));
        MockHttpServletResponse badPage = send(post("/exhibitions/{id}/sections/{s}/exhibits", id, section)
                .param("record", records.scanned.archivalCode()).param("caption", "说明").param("page", "1; DROP"));
        assertThat(badPage.getStatus()).isEqualTo(422);
        assertThat(badPage.getContentAsString()).contains("不是页码");
        MockHttpServletResponse hostile = send(post("/exhibitions/{id}/sections/{s}/exhibits", id, section)
                .param("record", "<img src=x onerror=alert(1)>").param("caption", "说明"));
        assertThat(hostile.getStatus()).isEqualTo(422);
        assertThat(hostile.getContentAsString()).doesNotContain("<img src=x").contains("&lt;img src=x");
        MockHttpServletResponse closed = send(post("/exhibitions/{id}/sections/{s}/exhibits", id, section)
                .param("record", records.controlled.archivalCode()).param("caption", "说明"));
        assertThat(closed.getContentAsString()).contains(records.controlled.archivalCode()).contains("未向社会开放");
        assertThat(send(post("/exhibitions/{id}/publish", id)).getContentAsString()).contains("还没有展品，不能发布");
        assertThat(staff.as(CURATOR, () -> exhibitions.exhibition(id)).exhibitCount()).isZero();

        long project = staff.as(CURATOR, () -> compilations.plan(new CompilationPlan("表单编研",
                CompilationKind.LOCAL_HISTORY, null, null, null, null), viewer)).id();
        MockHttpServletResponse badDate = send(post("/compilations").param("title", "坏日期")
                .param("kind", "CHRONICLE").param("plannedStart", "2026-13-45"));
        assertThat(badDate.getStatus()).isEqualTo(422);
        assertThat(badDate.getContentAsString()).contains("不是日期");
        assertThat(send(post("/compilations").param("title", "坏类型").param("kind", "NOVEL")).getContentAsString())
                .contains("请选择编研类型");
        send(post("/compilations/{id}/start", project));
        MockHttpServletResponse absurd = send(post("/compilations/{id}/finish", project).param("titles", "3")
                .param("wanChars", "1e9"));
        assertThat(absurd.getStatus()).isEqualTo(422);
        assertThat(absurd.getContentAsString()).contains("字数须大于 0");
        assertThat(send(post("/compilations/{id}/finish", project)).getContentAsString()).contains("完成项目须登记成果");
        assertThat(send(post("/compilations/{id}/sources", project).param("record", "123456789012"))
                .getContentAsString()).contains("未找到档案");
        MockHttpServletResponse done = send(post("/compilations/{id}/finish", project).param("titles", "1")
                .param("wanChars", "3.5"));
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(staff.as(CURATOR, () -> compilations.compilation(project,
                Viewer.staff(CURATOR, Classification.NONE, false))).state())
                .isEqualTo(CompilationState.FINISHED);
    }

    @Test
    void curatorsPagesAreClosedToOthersAndThePortalShowsOnlyWhatIsPublic() throws Exception {
        staff.ensure("reader-not-curator", "阅览员", null, Classification.NONE, List.of("READING_ROOM"));
        assertThat(mvc.perform(get("/exhibitions").with(Staff.page("reader-not-curator"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/compilations")).andReturn().getResponse().getStatus()).isEqualTo(302);

        long id = staff.as(CURATOR, () -> exhibitions.create(new ExhibitionDraft(null, "门户测试", null, null, null,
                null), viewer)).id();
        long section = staff.as(CURATOR, () -> exhibitions.addSection(id, "单元", null, viewer));
        staff.as(CURATOR, () -> exhibitions.addExhibit(id, section, records.scanned.archivalCode(), "布告说明", 1,
                viewer));
        assertThat(portal(id, "192.0.2.1").getStatus()).as("a draft").isEqualTo(404);
        staff.as(CURATOR, () -> exhibitions.publish(id, viewer));

        MockHttpServletResponse shown = portal(id, "192.0.2.1");
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getContentAsString()).contains("布告说明", records.scanned.archivalCode(),
                "/iiif/3/" + records.scanned.id() + "-1/full/!600,600/0/default.jpg")
                .doesNotContain("馆内备注勿外传", "区人民政府办公室");
        portal(id, "192.0.2.1");
        assertThat(staff.as(CURATOR, () -> exhibitions.exhibition(id)).visits()).as("a reload is no new visit")
                .isEqualTo(1);
        assertThat(mvc.perform(get("/portal/exhibitions")).andReturn().getResponse().getContentAsString())
                .contains("门户测试");
        assertThat(mvc.perform(get("/portal/exhibitions/{a}", "../../etc/passwd")).andReturn().getResponse()
                .getStatus()).as("the firewall's refusal").isEqualTo(400);
        assertThat(mvc.perform(get("/portal/exhibitions/{a}", "<script>alert(1)</script>")).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/portal/exhibitions/{a}", "9".repeat(30))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);

        records.close(records.scanned);
        assertThat(portal(id, "192.0.2.2").getContentAsString()).doesNotContain("布告说明",
                records.scanned.archivalCode());
    }

    private MockHttpServletResponse portal(long id, String address) throws Exception {
        return mvc.perform(get("/portal/exhibitions/{id}", id).header("User-Agent", "Mozilla/5.0 Chrome/120")
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn().getResponse();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Staff.page(CURATOR)).with(csrf())).andReturn().getResponse();
    }
}
