package cn.lantai.accession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import cn.lantai.accession.internal.TransferFolders;
import cn.lantai.accession.internal.TransferStorageJob;
import cn.lantai.accession.internal.TransferStorageJob.CrashPoint;
import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.Digests;
import cn.lantai.preservation.PreservationEvent;
import cn.lantai.preservation.StoredFile;
import cn.lantai.search.FieldCriteria;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.support.ClamAvAvailable;
import cn.lantai.support.SearchIndexed;
import cn.lantai.support.Staff;
import cn.lantai.support.TransferPackageBuilder;
import cn.lantai.support.TransferPackageBuilder.Sheet;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Transfers end to end through the API: a unit archivist submits, the check reports, the receiving staff accept or
 * reject, the accepted clean records are in the catalogue, the index and the store, and both sides get a sealed
 * receipt. Runs on H2 and PostgreSQL.
 */
@ExtendWith(ClamAvAvailable.class)
abstract class TransfersContract {

    static final String RECEIVER = "receiver";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    SearchManagement search;
    @Autowired
    Jobs jobs;
    @Autowired
    TransferStorageJob storage;
    @Autowired
    TransferFolders folders;
    @Autowired
    ArchiveSeal seal;
    @Autowired
    AuditTrail trail;

    @TempDir
    Path dir;

    String fonds;
    String unitArchivist;

    @BeforeEach
    void aUnitWithItsArchivistAndTheReceivingStaff() {
        fonds = staff.unitWithFonds("区人民政府办公室");
        unitArchivist = "ua" + fonds.toLowerCase();
        staff.ensure(unitArchivist, "单位档案员", "U" + fonds, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        staff.ensure(RECEIVER, "接收员", null, Classification.TOP_SECRET, List.of("RECEIVING"));
    }

    @Test
    void aTransferWithOneFaultOfEachKindIsReportedExactlyAndItsCleanRecordsLandInTheCatalogueAndTheStore()
            throws Exception {
        TransferPackageBuilder sent = TransferPackageBuilder.of(fonds, 2019, 15).sheet(Sheet.CSV_GB18030).gbkNames()
                .lyingDigest(2).missingFile(3).unlistedFile("私自夹带.exe").rawEntry("../../etc/passwd")
                .rawEntry("/etc/lantai-passwd").bomb("记录/5/附件.bin", 64L << 20).emptyFile(6).gapFrom(8)
                .declaredItems(16).cell(10, "日期", "2019-13-45").cell(11, "题名", null).declaredSize(12, "1 B")
                .cell(5, "文件", "记录/5/正文.pdf;记录/5/图片.jpg;记录/5/附件.bin")
                .virus(13).executableAsPdf(14).encryptedPdf(15);

        long id = submitted(sent);
        String checked = awaitState(id, unitArchivist, "CHECKED");

        List<String> failures = JsonPath.read(checked, "$.report.checks[?(@.result == 'FAIL')].code");
        assertThat(failures).containsExactlyInAnyOrder("AUTH-DIGEST", "INTEG-MISSING", "SEC-FOREIGN", "SEC-PATH",
                "SEC-PATH", "SEC-BOMB", "INTEG-EMPTY", "INTEG-SEQUENCE", "INTEG-COUNT", "AUTH-METADATA",
                "INTEG-MANDATORY", "AUTH-FILE-PROPS", "SEC-VIRUS", "USE-FORMAT", "USE-ENCRYPTED");
        List<String> failedRecords = JsonPath.read(checked, "$.report.checks[?(@.result == 'FAIL')].record");
        for (int clean : new int[] {1, 4, 7, 9}) {
            assertThat(failedRecords).doesNotContain(sent.archivalCode(clean));
        }
        assertThat((Integer) JsonPath.read(checked, "$.counts.items")).isEqualTo(15);

        mvc.perform(post("/api/v1/transfers/" + id + "/accept").with(Staff.as(RECEIVER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("ACCEPTED"));
        String accepted = awaitState(id, RECEIVER, "ACCEPTED");

        assertThat((Integer) JsonPath.read(accepted, "$.storedRecords")).isEqualTo(4);
        assertCleanRecordsStoredOnce(sent, 1, 4, 7, 9);
        SearchIndexed.await(search, inFonds("关于第9号文件的通知"), 1);
        assertThat(search.search(inFonds("关于第4号文件的通知")).hits()).extracting(h -> h.title())
                .contains("关于第4号文件的通知");
        assertThat(folders.work(id)).doesNotExist();
        byte[] receipt = mvc.perform(get("/api/v1/transfers/" + id + "/receipt.pdf").with(Staff.as(unitArchivist)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(seal.verifyPdf(receipt)).isTrue();
        byte[] report = mvc.perform(get("/api/v1/transfers/" + id + "/report.pdf").with(Staff.as(RECEIVER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(seal.verifyPdf(report)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void anAcceptInterruptedMidWayResumesAndStoresEveryRecordExactlyOnce(CrashPoint point) throws Exception {
        TransferPackageBuilder sent = TransferPackageBuilder.of(fonds, 2020 + point.ordinal(), 5);
        long id = submitted(sent);
        awaitState(id, unitArchivist, "CHECKED");

        storage.crashForTests(point, 3);
        mvc.perform(post("/api/v1/transfers/" + id + "/accept").with(Staff.as(RECEIVER))).andExpect(status().isOk());
        int storedBeforeTheCrash = point == CrashPoint.STORED ? 3 : 2;
        Awaitility.await().dontCatchUncaughtExceptions().atMost(SearchIndexed.PATIENCE)
                .pollInterval(Duration.ofMillis(50)).until(storage::crashedForTests);
        assertThat(state(id).state()).isEqualTo(TransferState.STORING);
        assertThat(state(id).storedRecords()).isEqualTo(storedBeforeTheCrash);
        assertThat(catalog.list(new ItemFilter(fonds, null, null, null, null, null, null, null, null),
                Viewer.system(), 0, 10).total()).isEqualTo(3);

        jobs.resumeUnfinished();
        awaitState(id, RECEIVER, "ACCEPTED");

        assertCleanRecordsStoredOnce(sent, 1, 2, 3, 4, 5);
    }

    @Test
    void anAcceptWhoseStoringFailedIsAskedAgainAndGoesOnFromTheRecordsStored() throws Exception {
        TransferPackageBuilder sent = TransferPackageBuilder.of(fonds, 2023, 4);
        long id = submitted(sent);
        awaitState(id, unitArchivist, "CHECKED");
        Path third = payloadFile(id, sent.pdfOf(3));
        Path aside = Files.move(third, dir.resolve("aside.pdf"));

        mvc.perform(post("/api/v1/transfers/" + id + "/accept").with(Staff.as(RECEIVER))).andExpect(status().isOk());
        Awaitility.await().atMost(SearchIndexed.PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> jobs.status(new JobId(transfersBean.jobOf(id))).state() == JobState.FAILED);
        assertThat(state(id).state()).isEqualTo(TransferState.STORING);
        assertThat(state(id).storedRecords()).isEqualTo(2);

        Files.move(aside, third);
        mvc.perform(post("/api/v1/transfers/" + id + "/accept").with(Staff.as(RECEIVER))).andExpect(status().isOk());
        awaitState(id, RECEIVER, "ACCEPTED");

        assertCleanRecordsStoredOnce(sent, 1, 2, 3, 4);
        mvc.perform(post("/api/v1/transfers/" + id + "/accept").with(Staff.as(RECEIVER)))
                .andExpect(status().isConflict());
    }

    /** Where the checked bag keeps a payload file while the transfer waits for its decision. */
    private Path payloadFile(long id, String name) throws Exception {
        try (Stream<Path> walk = Files.walk(folders.work(id))) {
            return walk.filter(p -> p.toString().replace('\\', '/').endsWith("data/" + name)).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void theSamePackageSubmittedTwiceIsAConflictNamingTheFirst() throws Exception {
        TransferPackageBuilder sent = TransferPackageBuilder.of(fonds, 2019, 2);
        Path zip = sent.write(dir.resolve("twice.zip"));
        long first = submitted(zip);

        mvc.perform(multipart("/api/v1/transfers").file(upload(Files.readAllBytes(zip)))
                        .with(Staff.as(unitArchivist)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.earlier").value(first))
                .andExpect(jsonPath("$.detail").value("同一移交包已提交过（移交编号 " + first + "），未被退回，不能重复提交"));
    }

    @Test
    void aUnitArchivistCannotSeeAnotherUnitsTransferWhichAnswersAsNotFound() throws Exception {
        long id = submitted(TransferPackageBuilder.of(fonds, 2019, 1));
        String otherFonds = staff.unitWithFonds("区财政局");
        String other = "ua" + otherFonds.toLowerCase();
        staff.ensure(other, "另一单位档案员", "U" + otherFonds, Classification.NONE, List.of("UNIT_ARCHIVIST"));

        String hidden = mvc.perform(get("/api/v1/transfers/" + id).with(Staff.as(other)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String missing = mvc.perform(get("/api/v1/transfers/" + Long.MAX_VALUE).with(Staff.as(other)))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(hidden.replace("/" + id, "/x")).isEqualTo(missing.replace("/" + Long.MAX_VALUE, "/x"));
        mvc.perform(get("/api/v1/transfers").with(Staff.as(other))).andExpect(jsonPath("$[?(@.id == " + id + ")]")
                .isEmpty());
        mvc.perform(get("/api/v1/transfers/" + id).with(Staff.as(RECEIVER))).andExpect(status().isOk());
    }

    @Test
    void aRejectedTransferKeepsNothingButItsRecordAndReasons() throws Exception {
        long id = submitted(TransferPackageBuilder.of(fonds, 2021, 2));
        awaitState(id, unitArchivist, "CHECKED");

        mvc.perform(post("/api/v1/transfers/" + id + "/reject").with(Staff.as(RECEIVER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reasons\":\"  \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/transfers/" + id + "/reject").with(Staff.as(RECEIVER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reasons\":\"" + "长".repeat(2001) + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/transfers/" + id + "/reject").with(Staff.as(RECEIVER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reasons\":\"件号与目录不符，请重新整理\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REJECTED"));

        assertThat(folders.folder(id)).doesNotExist();
        assertThat(catalog.list(new ItemFilter(fonds, null, 2021, 2021, null, null, null, null, null),
                Viewer.system(), 0, 10).total()).isZero();
        mvc.perform(post("/api/v1/transfers/" + id + "/accept").with(Staff.as(RECEIVER)))
                .andExpect(status().isConflict());
        byte[] receipt = mvc.perform(get("/api/v1/transfers/" + id + "/receipt.pdf").with(Staff.as(unitArchivist)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(seal.verifyPdf(receipt)).isTrue();
    }

    @Test
    void aPaperTransferIsRecordedAndReceipted() throws Exception {
        String body = """
                {"unit": "U%s", "items": 120, "volumes": 8, "boxes": 12, "shelf": "1-3-2-4",
                 "handedOverOn": "2026-11-30"}""".formatted(fonds);
        String created = mvc.perform(post("/api/v1/transfers/paper").with(Staff.as(RECEIVER))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("RECORDED"))
                .andExpect(jsonPath("$.paper.shelf").value("1-3-2-4"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        byte[] receipt = mvc.perform(get("/api/v1/transfers/" + id + "/receipt.pdf").with(Staff.as(unitArchivist)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(seal.verifyPdf(receipt)).isTrue();
        mvc.perform(post("/api/v1/transfers/paper").with(Staff.as(RECEIVER)).contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("\"boxes\": 12", "\"boxes\": -1"))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/transfers/paper").with(Staff.as(unitArchivist))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
    }

    @Test
    void hostileUploadsAreRefusedWithAProblemAndLeaveNothingOnDisk() throws Exception {
        Path root = folders.folder(0).getParent();
        List<String> before = transferFolders(root);

        mvc.perform(multipart("/api/v1/transfers").file(upload("这不是 zip 文件".getBytes()))
                        .with(Staff.as(unitArchivist)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        byte[] big = new byte[9 << 20];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        mvc.perform(multipart("/api/v1/transfers").file(upload(big)).with(Staff.as(unitArchivist)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(multipart("/api/v1/transfers").file(new MockMultipartFile("other", "x.zip", "application/zip",
                        new byte[] {1})).with(Staff.as(unitArchivist)))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/transfers").file(upload(Files.readAllBytes(TransferPackageBuilder
                        .of(fonds, 2019, 1).write(dir.resolve("p.zip"))))).with(Staff.as(RECEIVER)))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/transfers").with(Staff.as(RECEIVER))
                        .contentType("multipart/form-data; boundary=never-read").content("不是 multipart 的正文"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("无权办理此移交事项"));
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery(RECEIVER, "accession.transfer.refused",
                "transfer:new", null, null), 0, 10)).entries()).hasSizeGreaterThanOrEqualTo(2);

        assertThat(before).containsAll(transferFolders(root));
        assertThat(filesUnder(root.resolve("uploads"))).isZero();
    }

    @Test
    void aPackageOfAnotherUnitsFondsIsRefused() throws Exception {
        String otherFonds = staff.unitWithFonds("区财政局");
        long id = submitted(TransferPackageBuilder.of(otherFonds, 2019, 1));

        String refused = awaitState(id, unitArchivist, "REFUSED");

        assertThat((String) JsonPath.read(refused, "$.problem")).contains(otherFonds).contains(fonds);
        assertThat(folders.folder(id)).doesNotExist();
    }

    @Test
    void anAcceptBySomeoneWithoutTheReceivingRightIsForbiddenAndAudited() throws Exception {
        long id = submitted(TransferPackageBuilder.of(fonds, 2019, 1));
        awaitState(id, unitArchivist, "CHECKED");

        mvc.perform(post("/api/v1/transfers/" + id + "/accept").with(Staff.archivist()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/transfers/" + id + "/accept").with(Staff.as(unitArchivist)))
                .andExpect(status().isForbidden());

        assertThat(state(id).state()).isEqualTo(TransferState.CHECKED);
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery(null,
                "accession.transfer.refused", "transfer:" + id, null, null), 0, 200)).entries())
                .filteredOn(e -> "accession.transfer.refused".equals(e.action()) && ("transfer:" + id)
                        .equals(e.target()))
                .extracting(e -> e.actor()).contains(Staff.ARCHIVIST, unitArchivist);
    }

    private void assertCleanRecordsStoredOnce(TransferPackageBuilder sent, int... clean) throws Exception {
        List<Item> items = catalog.list(new ItemFilter(fonds, null, null, null, null, null, null,
                null, null), Viewer.system(), 0, 100).items();
        for (int r : clean) {
            String title = "关于第" + r + "号文件的通知";
            List<Item> found = items.stream().filter(i -> title.equals(i.title())).toList();
            assertThat(found).as(title).hasSize(1);
            List<StoredFile> files = store.files(found.get(0).id());
            assertThat(files).extracting(StoredFile::name).containsExactlyInAnyOrder("正文.pdf", "图片.jpg");
            assertThat(files).allMatch(f -> f.version() == 1);
            StoredFile pdf = files.stream().filter(f -> f.name().equals("正文.pdf")).findFirst().orElseThrow();
            Path sentPdf = dir.resolve("sent-" + r + ".pdf");
            try (var in = store.open(found.get(0).id(), "正文.pdf")) {
                Files.write(sentPdf, in.readAllBytes());
            }
            assertThat(Digests.of(sentPdf).sm3()).isEqualTo(pdf.sm3());
            assertThat(store.events(found.get(0).id())).extracting(PreservationEvent::type).contains(
                    PreservationEvent.VIRUS_CHECK, PreservationEvent.FORMAT_IDENTIFICATION,
                    PreservationEvent.MESSAGE_DIGEST_CALCULATION, PreservationEvent.INGESTION);
            assertThat(store.validate(found.get(0).id(), true)).as("ocfl-java's validator on " + title).isEmpty();
        }
        assertThat(items).hasSize(clean.length);
    }

    private SearchQuery inFonds(String text) {
        return new SearchQuery(text, fonds, null, null, null, null, null, null, null, FieldCriteria.NONE,
                SearchQuery.Sort.RELEVANCE, 0, 20, Viewer.system());
    }

    private Transfer state(long id) {
        return staff.as(RECEIVER, () -> transfers().transfer(id, receiverViewer()));
    }

    @Autowired
    Transfers transfersBean;

    private Transfers transfers() {
        return transfersBean;
    }

    private static Viewer receiverViewer() {
        return Viewer.staff(RECEIVER, Classification.TOP_SECRET, true);
    }

    private long submitted(TransferPackageBuilder sent) throws Exception {
        return submitted(sent.write(dir.resolve("transfer-" + System.nanoTime() + ".zip")));
    }

    private long submitted(Path zip) throws Exception {
        MvcResult result = mvc.perform(multipart("/api/v1/transfers").file(upload(Files.readAllBytes(zip)))
                        .with(Staff.as(unitArchivist)))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.state").value("CHECKING")).andReturn();
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static MockMultipartFile upload(byte[] bytes) {
        return new MockMultipartFile("package", "transfer.zip", "application/zip", bytes);
    }

    private String awaitState(long id, String person, String state) {
        String[] body = new String[1];
        Awaitility.await().dontCatchUncaughtExceptions().alias("transfer " + id + " " + state).atMost(SearchIndexed.PATIENCE)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    body[0] = mvc.perform(get("/api/v1/transfers/" + id).with(Staff.as(person)))
                            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                    return state.equals(JsonPath.read(body[0], "$.state"));
                });
        return body[0];
    }

    /** The transfers' own folders (numbered), not the uploads' folder. */
    private static List<String> transferFolders(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+")).toList();
        }
    }

    private static long filesUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
