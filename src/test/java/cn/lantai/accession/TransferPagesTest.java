package cn.lantai.accession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import cn.lantai.catalog.Classification;
import cn.lantai.support.ClamAvAvailable;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.SearchIndexed;
import cn.lantai.support.Staff;
import cn.lantai.support.TransferPackageBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workbench's transfer pages: each side finds its page from the top bar, an empty page says what to do first, the
 * upload leads to the transfer's page, whose report shows its FAILs first and marked, and the receiving staff decide
 * there; a unit's page shows its contact, expected and received transfers.
 */
@LantaiTest
@ExtendWith(ClamAvAvailable.class)
class TransferPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @TempDir
    Path dir;

    String fonds;
    String unitArchivist;

    @BeforeEach
    void aUnitWithItsArchivistAndTheReceivingStaff() {
        fonds = staff.unitWithFonds("区教育局");
        unitArchivist = "pa" + fonds.toLowerCase();
        staff.ensure(unitArchivist, "单位档案员", "U" + fonds, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        staff.ensure(TransfersContract.RECEIVER, "接收员", null, Classification.TOP_SECRET, List.of("RECEIVING"));
    }

    @Test
    void eachSideFindsItsPageAndAnEmptyPageSaysWhatToDoFirst() throws Exception {
        String mine = page("/transfers", unitArchivist);
        assertThat(mine).contains("我的移交").contains("还没有移交。请先在上方选择移交包上传")
                .contains("href=\"/transfers\"").doesNotContain("登记纸质移交");
        String receiving = page("/transfers", TransfersContract.RECEIVER);
        assertThat(receiving).contains(">接收<").contains("登记纸质移交").doesNotContain("提交移交包");
        assertThat(page("/catalogue", Staff.ARCHIVIST)).doesNotContain("href=\"/transfers\"");
        mvc.perform(get("/transfers").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
    }

    @Test
    void anUploadLeadsToItsPageWhoseReportShowsTheFailsFirstAndTheReceiverRejectsThere() throws Exception {
        Path zip = TransferPackageBuilder.of(fonds, 2019, 3).lyingDigest(2).write(dir.resolve("p.zip"));
        String location = mvc.perform(multipart("/transfers").file(new MockMultipartFile("package", "p.zip",
                        "application/zip", Files.readAllBytes(zip))).with(csrf()).with(Staff.page(unitArchivist)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/transfers/[0-9]+");
        Awaitility.await().atMost(SearchIndexed.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> page(location, unitArchivist).contains("已检测，待接收"));

        String seen = page(location, TransfersContract.RECEIVER);
        assertThat(seen).contains("接收（只入库合格档案）");
        assertThat(seen.indexOf("class=\"fail\"")).isPositive().isLessThan(seen.indexOf("<td>通过</td>"));
        assertThat(page(location, unitArchivist)).doesNotContain("接收（只入库合格档案）");

        mvc.perform(post(location + "/reject").param("reasons", "摘要不一致，请重新打包").with(csrf())
                .with(Staff.page(TransfersContract.RECEIVER))).andExpect(status().is3xxRedirection());
        assertThat(page(location, unitArchivist)).contains("已退回").contains("摘要不一致，请重新打包")
                .contains("交接文据（PDF）");
    }

    @Test
    void aUnitsPageShowsItsContactExpectedAndReceivedTransfers() throws Exception {
        String empty = page("/units/U" + fonds, TransfersContract.RECEIVER);
        assertThat(empty).contains("区教育局").contains("还没有移交计划。请在下方填写").contains("该单位还没有移交记录。")
                .contains("单位档案员（" + unitArchivist + "）");

        mvc.perform(post("/units/U" + fonds + "/expected").param("year", "2026").param("items", "120")
                        .param("volumes", "0").param("dueOn", "2026-12-31").param("note", "文书档案")
                        .with(csrf()).with(Staff.page(TransfersContract.RECEIVER)))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/units/U" + fonds));
        mvc.perform(post("/units/U" + fonds + "/expected").param("year", "-1").param("items", "1")
                .param("volumes", "0").with(csrf()).with(Staff.page(TransfersContract.RECEIVER)))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/units/U" + fonds, unitArchivist)).contains("2026-12-31").contains("文书档案")
                .doesNotContain("保存移交计划");
        String otherFonds = staff.unitWithFonds("区卫健委");
        mvc.perform(get("/units/U" + otherFonds).with(Staff.page(unitArchivist))).andExpect(status().isNotFound());
    }

    private String page(String path, String person) throws Exception {
        return mvc.perform(get(path).with(Staff.page(person))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
