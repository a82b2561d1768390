package cn.lantai.accession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.Deposit;
import cn.lantai.preservation.PreservationEvent;
import cn.lantai.support.ClamAvAvailable;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import cn.lantai.support.TransferPackageBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The four-properties check of stored records (DA/T 70 again, DA/T 92's yearly check): a byte flipped in a stored
 * file and EICAR written over one are found, each record gets a PREMIS event, a clean store passes, and a run
 * interrupted resumes with the records it had not checked.
 */
@ExtendWith(ClamAvAvailable.class)
abstract class RecheckContract {

    private static final String RECEIVER = "receiver";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @TempDir
    Path dir;

    private String fonds;
    private int year = 2001;

    @BeforeEach
    void receivingStaff() {
        fonds = staff.unitWithFonds("区档案馆测试单位");
        staff.ensure(RECEIVER, "接收员", null, Classification.TOP_SECRET, List.of("RECEIVING"));
    }

    @Test
    void aCleanStorePassesAndEachRecordGetsAValidationEvent() throws Exception {
        List<Item> records = List.of(stored("通知一"), stored("通知二"));

        JsonNode run = finished(start(records));

        assertThat(run.at("/run/checked").asLong()).isEqualTo(2);
        assertThat(run.at("/run/failed").asLong()).isZero();
        for (Item item : records) {
            assertThat(validations(item)).extracting(PreservationEvent::outcome)
                    .containsExactly(PreservationEvent.SUCCESS);
        }
        assertThat(codes(run, records.get(0), "PASS")).contains("AUTH-METADATA", "INTEG-MANDATORY",
                "INTEG-FIXITY 正文.pdf", "INTEG-FIXITY 说明.txt", "USE-FORMAT 正文.pdf", "SEC-VIRUS 说明.txt");
    }

    @Test
    void aFlippedByteAndAPlantedEicarInTheStoreAreFoundAndRecorded() throws Exception {
        Item flipped = stored("被改动的记录");
        Item infected = stored("被植入病毒的记录");
        Item clean = stored("完好的记录");
        Item lost = stored("文件丢失的记录");
        Files.delete(store.location(lost.id(), "说明.txt").orElseThrow());
        Path pdf = store.location(flipped.id(), "正文.pdf").orElseThrow();
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length / 2] ^= 0x01;
        rewrite(pdf, bytes);
        Path text = store.location(infected.id(), "说明.txt").orElseThrow();
        rewrite(text, ClamAvAvailable.EICAR.getBytes(StandardCharsets.US_ASCII));

        JsonNode run = finished(start(List.of(flipped, infected, clean, lost)));

        assertThat(run.at("/run/failed").asLong()).isEqualTo(3);
        assertThat(codes(run, lost, "FAIL")).containsExactly("INTEG-MISSING 说明.txt");
        assertThat(codes(run, flipped, "FAIL")).contains("INTEG-FIXITY 正文.pdf");
        assertThat(codes(run, infected, "FAIL")).contains("INTEG-FIXITY 说明.txt", "SEC-VIRUS 说明.txt");
        assertThat(codes(run, clean, "FAIL")).isEmpty();
        assertThat(validations(flipped)).extracting(PreservationEvent::outcome)
                .containsExactly(PreservationEvent.FAILURE);
        assertThat(text).exists();
        mvc.perform(get("/api/v1/four-properties-checks/" + run.at("/run/id").asString() + "/report.pdf")
                .with(Staff.as(RECEIVER))).andExpect(status().isOk());
        String page = mvc.perform(get("/four-properties-checks").with(Staff.page(RECEIVER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-failed=\"3\"", "/four-properties-checks/" + run.at("/run/id").asString()
                + "/report.pdf");
    }

    @Test
    void anInterruptedRunResumesWithTheRecordsItHadNotChecked() throws Exception {
        List<Item> records = List.of(stored("甲"), stored("乙"), stored("丙"));
        String id = finished(start(records)).at("/run/id").asString();
        // as if the application had stopped after the first record: its result kept, the job still running
        jdbc.sql("DELETE FROM record_check_result WHERE run_id = ? AND item_id <> ?")
                .params(id, records.get(0).id().value()).update();
        jdbc.sql("UPDATE job SET state = 'RUNNING', done = 1, finished_at = NULL WHERE id = ?").param(id).update();

        jobs.resumeUnfinished();
        JsonNode run = finished(id);

        assertThat(run.at("/run/checked").asLong()).isEqualTo(3);
        assertThat(validations(records.get(0))).hasSize(1);
        assertThat(validations(records.get(1))).hasSize(2);
        assertThat(validations(records.get(2))).hasSize(2);
    }

    @Test
    void onlyTheReceivingStaffStartAndReadChecks() throws Exception {
        mvc.perform(post("/api/v1/four-properties-checks").with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON).content("{\"all\": true}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/four-properties-checks").with(Staff.as(RECEIVER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"all\": true, \"ids\": [1]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/four-properties-checks").with(Staff.as(RECEIVER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"ids\": []}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/four-properties-checks").with(Staff.as(RECEIVER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"ids\": [\"x\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/four-properties-checks/nope").with(Staff.as(RECEIVER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/four-properties-checks").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
    }

    private Item stored(String title) throws Exception {
        Item item = catalog.create(Entries.item(fonds, year++, title).input(), Viewer.system());
        Path pdf = Files.write(dir.resolve(item.id().value() + ".pdf"), TransferPackageBuilder.pdf("record " + item.id().value()));
        Path text = Files.writeString(dir.resolve(item.id().value() + ".txt"), "说明：" + title);
        store.deposit(new Deposit(item, List.of(new ContentFile("正文.pdf", pdf, "application/pdf"),
                new ContentFile("说明.txt", text, "text/plain")), List.of(), "tests", "test record"));
        return item;
    }

    private String start(List<Item> records) throws Exception {
        String ids = String.join(",", records.stream().map(i -> String.valueOf(i.id().value())).toList());
        String body = mvc.perform(post("/api/v1/four-properties-checks").with(Staff.as(RECEIVER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"ids\": [" + ids + "]}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body).get("id").asString();
    }

    private JsonNode finished(String id) throws Exception {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.status(new JobId(id)).state() != JobState.RUNNING
                        && jobs.status(new JobId(id)).state() != JobState.QUEUED);
        assertThat(jobs.status(new JobId(id)).state()).isEqualTo(JobState.SUCCEEDED);
        return json.readTree(mvc.perform(get("/api/v1/four-properties-checks/" + id).with(Staff.as(RECEIVER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<PreservationEvent> validations(Item item) {
        return store.events(item.id()).stream().filter(e -> e.type().equals(PreservationEvent.VALIDATION)).toList();
    }

    /** The codes (with the file, when one) of the record's checks with this result. */
    private static List<String> codes(JsonNode run, Item item, String result) {
        for (JsonNode record : run.get("records")) {
            if (record.get("recordId").asLong() == item.id().value()) {
                return record.get("checks").valueStream().filter(c -> c.get("result").asString().equals(result))
                        .map(c -> c.get("code").asString() + (c.get("file").asString().isEmpty() ? ""
                                : " " + c.get("file").asString())).toList();
            }
        }
        throw new AssertionError("no result for item " + item.id().value());
    }

    /** Writes over a file of the store on disk, as damage or an intruder would. */
    private static void rewrite(Path file, byte[] bytes) throws Exception {
        file.toFile().setWritable(true);
        Files.write(file, bytes);
    }
}
