package cn.lantai.accession;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.lantai.accession.internal.FilingStore;
import cn.lantai.audit.ArchiveSeal;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.AccountManagement;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.PreservationEvent;
import cn.lantai.preservation.StoredFile;
import cn.lantai.support.ClamAvAvailable;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import cn.lantai.support.TransferPackageBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The online filing API (增量电子化) as a unit's office system uses it: a record with its files becomes one catalogue
 * record in the unit's fonds and one object in the store, answered by a receipt the archive signs; a repeat answers
 * the same receipt; hostile requests are refused before anything is stored.
 */
@ExtendWith(ClamAvAvailable.class)
abstract class FilingContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    ArchiveSeal seal;
    @Autowired
    AccountManagement accounts;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilingStore filingStore;

    private String fonds;
    private String clerk;
    private byte[] pdf;

    @BeforeEach
    void aUnitWithItsArchivist() throws Exception {
        fonds = staff.unitWithFonds("区教育局");
        clerk = "clerk" + fonds.toLowerCase();
        staff.ensure(clerk, "教育局档案员", "U" + fonds, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        pdf = TransferPackageBuilder.pdf("Filing " + fonds);
    }

    @Test
    void aFiledRecordIsCataloguedStoredAndAnsweredWithASignedReceipt() throws Exception {
        byte[] jpeg = TransferPackageBuilder.jpeg(7);
        String metadata = metadata("OA-2024-0001", "关于秋季开学工作的通知", """
                [{"name": "正文.pdf", "sha256": "%s", "size": %d}, {"name": "附件/照片.jpg"}]"""
                .formatted(sha256(pdf), pdf.length));

        MvcResult result = mvc.perform(filing(metadata, StandardCharsets.UTF_8, file("正文.pdf", pdf),
                file("附件/照片.jpg", jpeg)).with(Staff.as(clerk)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.result").value("PASS")).andReturn();

        JsonNode receipt = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        ItemId id = new ItemId(receipt.get("recordId").asLong());
        Item item = catalog.item(id, Viewer.system());
        assertThat(item.title()).isEqualTo("关于秋季开学工作的通知");
        assertThat(item.archivalCode()).isEqualTo(receipt.get("archivalCode").asString()).startsWith(fonds);
        assertThat(store.files(id)).extracting(StoredFile::name).containsExactly("正文.pdf", "附件/照片.jpg");
        assertThat(store.events(id)).extracting(PreservationEvent::type).contains(PreservationEvent.VIRUS_CHECK,
                PreservationEvent.FORMAT_IDENTIFICATION, PreservationEvent.INGESTION);
        assertThat(seal.verify(receipt.get("signedJson").asString().getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(receipt.get("signature").asString()))).isTrue();
        assertThat(seal.verify("{}".getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(receipt.get("signature").asString()))).isFalse();

        String receiptId = receipt.get("receiptId").asString();
        mvc.perform(get("/api/v1/filings/" + receiptId).with(Staff.as(clerk))).andExpect(status().isOk())
                .andExpect(jsonPath("$.signedJson").value(receipt.get("signedJson").asString()));
        mvc.perform(get("/api/v1/filings/" + receiptId).with(Staff.archivist())).andExpect(status().isForbidden());
        if (seal.pdfAvailable()) {
            byte[] form = mvc.perform(get("/api/v1/filings/" + receiptId + "/receipt.pdf").with(Staff.as(clerk)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(seal.verifyPdf(form)).isTrue();
        }
    }

    @Test
    void theSameSourceIdFiledTwiceAnswersTheFirstReceiptAndStoresNothingTwice() throws Exception {
        String metadata = metadata("OA-2024-0002", "重复报送的记录", "[{\"name\": \"正文.pdf\"}]");

        JsonNode first = answer(mvc.perform(filing(metadata, StandardCharsets.UTF_8, file("正文.pdf", pdf))
                .with(Staff.as(clerk))).andExpect(status().isCreated()).andReturn());
        JsonNode again = answer(mvc.perform(filing(metadata, StandardCharsets.UTF_8, file("正文.pdf", pdf))
                .with(Staff.as(clerk))).andExpect(status().isOk()).andReturn());

        assertThat(again.get("receiptId")).isEqualTo(first.get("receiptId"));
        assertThat(again.get("signedJson")).isEqualTo(first.get("signedJson"));
        assertThat(recordsInFonds()).isEqualTo(1);
    }

    @Test
    void twoConcurrentFilingsOfOneSourceIdMakeOneRecordAndOneReceipt() throws Exception {
        String metadata = metadata("OA-2024-0003", "同时报送两次的记录", "[{\"name\": \"正文.pdf\"}]");
        Callable<MvcResult> send = () -> mvc.perform(filing(metadata, StandardCharsets.UTF_8,
                file("正文.pdf", pdf)).with(Staff.as(clerk))).andReturn();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<MvcResult>> sent = two.invokeAll(List.of(send, send));
            List<Integer> statuses = new ArrayList<>();
            List<String> receipts = new ArrayList<>();
            for (Future<MvcResult> f : sent) {
                statuses.add(f.get().getResponse().getStatus());
                receipts.add(answer(f.get()).get("receiptId").asString());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 200);
            assertThat(receipts.get(0)).isEqualTo(receipts.get(1));
        } finally {
            two.shutdown();
        }
        assertThat(recordsInFonds()).isEqualTo(1);
    }

    @Test
    void metadataInGb18030IsReadInTheCharsetItsPartNames() throws Exception {
        String metadata = metadata("OA-2024-0004", "关于镕铸工作的报告", "[{\"name\": \"正文.pdf\"}]");

        JsonNode receipt = answer(mvc.perform(filing(metadata, Charset.forName("GB18030"), file("正文.pdf", pdf))
                .with(Staff.as(clerk))).andExpect(status().isCreated()).andReturn());

        assertThat(catalog.item(new ItemId(receipt.get("recordId").asLong()), Viewer.system()).title())
                .isEqualTo("关于镕铸工作的报告");
        mvc.perform(filing(metadata.getBytes(Charset.forName("GB18030")), StandardCharsets.UTF_8,
                file("正文.pdf", pdf)).with(Staff.as(clerk))).andExpect(status().isBadRequest());
    }

    @Test
    void anInfectedFileFailsTheFilingIsQuarantinedAndNothingIsCatalogued() throws Exception {
        String metadata = metadata("OA-2024-0005", "带病毒的记录", "[{\"name\": \"正文.pdf\"}, {\"name\": \"eicar.txt\"}]");

        JsonNode receipt = answer(mvc.perform(filing(metadata, StandardCharsets.UTF_8, file("正文.pdf", pdf),
                file("eicar.txt", ClamAvAvailable.EICAR.getBytes(StandardCharsets.US_ASCII))).with(Staff.as(clerk)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.result").value("FAIL")).andReturn());

        assertThat(receipt.has("recordId")).isFalse();
        assertThat(failures(receipt)).contains("SEC-VIRUS eicar.txt");
        assertThat(recordsInFonds()).isZero();
        String clean = metadata("OA-2024-0005", "带病毒的记录", "[{\"name\": \"正文.pdf\"}]");
        mvc.perform(filing(clean, StandardCharsets.UTF_8, file("正文.pdf", pdf)).with(Staff.as(clerk)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.result").value("PASS"));
        assertThat(recordsInFonds()).isEqualTo(1);
    }

    @Test
    void aDeclaredDigestThatLiesFailsAsAuthenticity() throws Exception {
        String metadata = metadata("OA-2024-0006", "摘要不符的记录", "[{\"name\": \"正文.pdf\", \"sm3\": \"%s\"}]"
                .formatted("0".repeat(64)));

        JsonNode receipt = answer(mvc.perform(filing(metadata, StandardCharsets.UTF_8, file("正文.pdf", pdf))
                .with(Staff.as(clerk))).andExpect(status().isCreated()).andReturn());

        assertThat(failures(receipt)).containsExactly("AUTH-DIGEST 正文.pdf");
        assertThat(recordsInFonds()).isZero();
    }

    @Test
    void malformedRequestsAreRefusedBeforeAnythingIsStored() throws Exception {
        String ok = "[{\"name\": \"正文.pdf\"}]";
        refused(400, "{\"sourceId\": \"x\", \"title\": ", file("正文.pdf", pdf));
        refused(400, "[1, 2]", file("正文.pdf", pdf));
        refused(400, "{\"title\": \"无来源标识\", \"files\": " + ok + "}", file("正文.pdf", pdf));
        refused(400, "{\"sourceId\": \"a\\u0000b\", \"files\": " + ok + "}", file("正文.pdf", pdf));
        refused(400, "{\"sourceId\": \"" + "x".repeat(201) + "\", \"files\": " + ok + "}", file("正文.pdf", pdf));
        refused(400, metadata("S1", "题名", ok), file("正文.pdf", pdf), file("夹带.exe", pdf));
        refused(400, metadata("S2", "题名", "[{\"name\": \"正文.pdf\"}, {\"name\": \"缺.pdf\"}]"),
                file("正文.pdf", pdf));
        refused(400, metadata("S3", "题名", "[{\"name\": \"../../etc/passwd\"}]"), file("../../etc/passwd", pdf));
        refused(400, metadata("S4", "题名", "[{\"name\": \"/etc/passwd\"}]"), file("/etc/passwd", pdf));
        refused(400, metadata("S5", "题名", "[{\"name\": \"正文.pdf\", \"sha256\": \"abc\"}]"), file("正文.pdf", pdf));
        refused(400, metadata("S6", "题名", "[]"));
        refused(400, metadata("S7", "题名", "[{\"name\": \"正文.pdf\", \"size\": -1}]"), file("正文.pdf", pdf));
        refused(400, "{\"sourceId\": \"S8\", \"title\": {\"nested\": 1}, \"files\": " + ok + "}",
                file("正文.pdf", pdf));
        mvc.perform(multipart("/api/v1/filings").file(file("正文.pdf", pdf)).with(Staff.as(clerk)))
                .andExpect(status().isBadRequest());
        assertThat(recordsInFonds()).isZero();
    }

    @Test
    void oversizedFilingsAre413() throws Exception {
        String big = "{\"sourceId\": \"S9\", \"notes\": \"" + "备".repeat(100_000) + "\", \"files\": []}";
        refused(413, big);
        StringBuilder many = new StringBuilder("[");
        MockMultipartFile[] parts = new MockMultipartFile[101];
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\": \"f").append(i).append(".txt\"}");
            parts[i] = file("f" + i + ".txt", "x".getBytes(StandardCharsets.US_ASCII));
        }
        refused(413, metadata("S10", "题名", many.append("]").toString()), parts);
    }

    @Test
    void onlyTheUnitsOwnArchivistsFileAndOnlyIntoTheirFonds() throws Exception {
        String metadata = metadata("S11", "题名", "[{\"name\": \"正文.pdf\"}]");
        mvc.perform(filing(metadata, StandardCharsets.UTF_8, file("正文.pdf", pdf)).with(Staff.archivist()))
                .andExpect(status().isForbidden());
        String other = "{\"sourceId\": \"S12\", \"fonds\": \"Z999\", \"category\": \"WS\", \"year\": 2024,"
                + " \"retention\": \"Y\", \"org\": \"BGS\", \"title\": \"题名\", \"date\": \"2024-03-12\","
                + " \"creator\": \"区教育局\", \"files\": [{\"name\": \"正文.pdf\"}]}";
        mvc.perform(filing(other, StandardCharsets.UTF_8, file("正文.pdf", pdf)).with(Staff.as(clerk)))
                .andExpect(status().isForbidden());
        String token = staff.token(clerk);
        staff.asSystemAdmin(() -> {
            accounts.disable(clerk);
            return null;
        });
        mvc.perform(filing(metadata, StandardCharsets.UTF_8, file("正文.pdf", pdf)).with(Staff.bearer(token)))
                .andExpect(status().isUnauthorized());
        assertThat(recordsInFonds()).isZero();
    }

    @Test
    void aFilingCataloguedButNotYetStoredWhenTheApplicationStoppedIsStoredAtTheNextStart() throws Exception {
        Item item = catalog.create(Entries.item(fonds, 2023, "停机前已著录的归档").input(), Viewer.system());
        String receiptId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO filing (receipt_id, unit_code, source_id, claim, result, state, item_id, receipt, signature,
                    filed_by, filed_at) VALUES (?, ?, 'OA-CRASH', 'OA-CRASH', 'PASS', 'RECEIVED', ?, '{}', '', ?, ?)""")
                .params(receiptId, "U" + fonds, item.id().value(), clerk, Timestamp.from(Instant.now())).update();
        Path folder = filingStore.folder(receiptId);
        Files.write(folder.resolve("正文.pdf"), pdf);

        filingStore.finishReceived();

        assertThat(store.files(item.id())).extracting(StoredFile::name).containsExactly("正文.pdf");
        assertThat(jdbc.sql("SELECT state FROM filing WHERE receipt_id = ?").param(receiptId).query(String.class)
                .single()).isEqualTo("STORED");
        assertThat(folder).doesNotExist();
        filingStore.finishReceived();
        assertThat(store.events(item.id())).filteredOn(e -> e.type().equals(PreservationEvent.INGESTION)).hasSize(1);
    }

    private void refused(int status, String metadata, MockMultipartFile... files) throws Exception {
        mvc.perform(filing(metadata, StandardCharsets.UTF_8, files).with(Staff.as(clerk)))
                .andExpect(status().is(status));
    }

    /** The description as an office system sends it: Chinese labels and keys mixed. */
    private static String metadata(String sourceId, String title, String files) {
        return """
                {"sourceId": "%s", "门类代码": "WS", "年度": 2024, "保管期限": "Y", "org": "BGS", "题名": "%s",
                 "日期": "2024-03-12", "责任者": "区教育局", "openStatus": "开放", "files": %s}"""
                .formatted(sourceId, title, files);
    }

    private static MockMultipartHttpServletRequestBuilder filing(String metadata, Charset charset,
            MockMultipartFile... files) {
        return filing(metadata.getBytes(charset), charset, files);
    }

    /** The metadata's bytes as sent, and the charset its part's Content-Type declares. */
    private static MockMultipartHttpServletRequestBuilder filing(byte[] metadata, Charset declared,
            MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/filings");
        request.file(new MockMultipartFile("metadata", "metadata.json",
                MediaType.APPLICATION_JSON_VALUE + ";charset=" + declared.name(), metadata));
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        return request;
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, MediaType.APPLICATION_OCTET_STREAM_VALUE, content);
    }

    private JsonNode answer(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> failures(JsonNode receipt) {
        List<String> failed = new ArrayList<>();
        receipt.get("checks").forEach(c -> {
            if (c.get("result").asString().equals("FAIL")) {
                failed.add(c.get("code").asString() + " " + c.get("file").asString());
            }
        });
        return failed;
    }

    private long recordsInFonds() {
        return catalog.list(new ItemFilter(fonds, null, null, null, null, null, null, null, null), Viewer.system(),
                0, 10).total();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
