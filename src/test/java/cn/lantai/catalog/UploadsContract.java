package cn.lantai.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.internal.imports.CatalogImporter;
import cn.lantai.catalog.internal.imports.Uploads;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.Jobs;
import cn.lantai.support.Catalogues;
import cn.lantai.support.ImportDriver;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads cannot be abused: an upload is admitted (the right to import, a free place in its person's import work)
 * before its body is read; whatever is refused, previewed, imported or abandoned leaves no file behind. Runs on every
 * supported database.
 */
abstract class UploadsContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogImports imports;

    @Autowired
    CatalogImporter importer;

    @Autowired
    Uploads uploads;

    @Autowired
    Jobs jobs;

    @Autowired
    AuditTrail trail;

    @Autowired
    Staff staff;

    @TempDir
    Path tmp;

    String fonds;
    byte[] catalogue;

    @BeforeEach
    void aCatalogue() throws IOException {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "上传测试"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        catalogue = Files.readAllBytes(Catalogues.standard().items(fonds, 2019, 3).xlsx(tmp));
    }

    /** The files in the uploads folder (found from an upload of its own, which is gone again). */
    private Set<Path> uploadsNow() throws IOException {
        Path probe = imports.receive(new java.io.ByteArrayInputStream(new byte[0]));
        imports.discard(probe);
        try (Stream<Path> files = Files.list(probe.getParent())) {
            return new HashSet<>(files.toList());
        }
    }

    private MockMultipartFile file() {
        return new MockMultipartFile("file", "目录.xlsx", null, catalogue);
    }

    @Test
    void anUploadOfSomeoneWithoutTheRightToImportIsRefusedUnreadAuditedAndLeavesNoFile() throws Exception {
        String reader = "reader-" + fonds.toLowerCase(java.util.Locale.ROOT);
        staff.ensure(reader, "利用窗口", null, Classification.NONE, List.of("READING_ROOM"));
        Set<Path> before = uploadsNow();
        mvc.perform(multipart("/api/v1/imports").file(file()).with(Staff.as(reader)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("CATALOG_IMPORT")));
        mvc.perform(multipart("/api/v1/imports/preview").file(file()).with(Staff.as(reader)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/imports/preview").file(file()).with(Staff.page(reader)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(uploadsNow()).isEqualTo(before);
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery(reader, "catalog.refused", null, null, null),
                0, 10)).entries()).hasSize(3).allSatisfy(e -> assertThat(e.after()).isEqualTo("CATALOG_IMPORT"));
    }

    @Test
    void theRightToImportIsCheckedWhateverCallsThePreview() throws Exception {
        Path upload = imports.receive(new java.io.ByteArrayInputStream(catalogue));
        Viewer reader = new Viewer("reader", null, Classification.NONE, false, Scope.ALL, Set.of());
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.preview(upload, "目录.xlsx", Map.of(),
                    reader)).isInstanceOf(NotPermitted.class);
        } finally {
            imports.discard(upload);
        }
    }

    @Test
    void aPreviewedImportedOrRefusedUploadLeavesNoFileAndAnEndedJobKeepsOnlyItsReport() throws Exception {
        Set<Path> before = uploadsNow();
        mvc.perform(multipart("/api/v1/imports/preview").file(file()).with(Staff.archivist()))
                .andExpect(status().isOk());
        ImportDriver driver = new ImportDriver(mvc);
        JsonNode imported = driver.run(Catalogues.standard().items(fonds, 2020, 3).xlsx(tmp), "好.xlsx", Map.of());
        assertThat(imported.get("state").asText()).isEqualTo("SUCCEEDED");
        Path bomb = tmp.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[8 << 20]);
            zip.closeEntry();
        }
        JsonNode refused = driver.run(bomb, "bomb.xlsx", Map.of());
        assertThat(refused.get("state").asText()).isEqualTo("FAILED");
        assertThat(uploadsNow()).isEqualTo(before);
        assertThat(folder(imported).resolve("source")).doesNotExist();
        assertThat(folder(imported).resolve("report.csv")).exists();
        assertThat(folder(refused).resolve("source")).doesNotExist();
    }

    private Path folder(JsonNode job) {
        return importer.report(jobs.status(new JobId(job.get("id").asText()))).getParent();
    }

    @Test
    void anUploadLeftAtTheMappingStepIsRemovedOnceAbandonedAndAFreshOneIsKept() throws Exception {
        Path abandoned = imports.receive(new java.io.ByteArrayInputStream(catalogue));
        Path fresh = imports.receive(new java.io.ByteArrayInputStream(catalogue));
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        assertThat(uploads.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(abandoned).doesNotExist();
        assertThat(fresh).exists();
        imports.discard(fresh);
    }

    @Test
    void onePersonHasAtMostTwoPiecesOfImportWorkUnderWayAndTheNextIsToldToWait() throws Exception {
        String busy = "busy-" + fonds.toLowerCase(java.util.Locale.ROOT);
        staff.ensure(busy, "导入员", null, Classification.TOP_SECRET, List.of("CATALOGUING"));
        Viewer person = new Viewer(busy, null, Classification.TOP_SECRET, true, Scope.ALL,
                Set.of(CatalogRight.CATALOG_IMPORT));
        RequestPostProcessor asBusy = Staff.as(busy);
        Set<Path> before = uploadsNow();
        try (CatalogImports.Admission first = imports.admit(person)) {
            try (CatalogImports.Admission second = imports.admit(person)) {
                mvc.perform(multipart("/api/v1/imports/preview").file(file()).with(asBusy))
                        .andExpect(status().isTooManyRequests())
                        .andExpect(jsonPath("$.detail").value(containsString("2 项导入工作")));
                mvc.perform(multipart("/imports/preview").file(file()).with(Staff.page(busy)).with(csrf()))
                        .andExpect(status().isTooManyRequests());
                // another person is not held up by this one
                mvc.perform(multipart("/api/v1/imports/preview").file(file()).with(Staff.archivist()))
                        .andExpect(status().isOk());
            }
            mvc.perform(multipart("/api/v1/imports/preview").file(file()).with(asBusy)).andExpect(status().isOk());
        }
        assertThat(uploadsNow()).isEqualTo(before);
    }
}
