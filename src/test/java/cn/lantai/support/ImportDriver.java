package cn.lantai.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.awaitility.Awaitility;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Drives imports through the API as a client would: upload, follow the job, fetch the report. */
public final class ImportDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    private final org.springframework.test.web.servlet.request.RequestPostProcessor who;

    /** Imports as the archivist. */
    public ImportDriver(MockMvc mvc) {
        this(mvc, Staff.archivist());
    }

    /** Imports as the given person (e.g. {@code Staff.as(name)}). */
    public ImportDriver(MockMvc mvc, org.springframework.test.web.servlet.request.RequestPostProcessor who) {
        this.mvc = mvc;
        this.who = who;
    }

    public String start(Path file, String name, Map<String, String> params) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", name, MediaType.APPLICATION_OCTET_STREAM_VALUE,
                        Files.readAllBytes(file)));
        params.forEach(request::param);
        MvcResult result = mvc.perform(request.with(who)).andReturn();
        if (result.getResponse().getStatus() != 202) {
            throw new AssertionError("import not accepted: " + result.getResponse().getStatus() + " "
                    + result.getResponse().getContentAsString());
        }
        return JSON.readTree(result.getResponse().getContentAsString()).get("id").asText();
    }

    /** Follows the job to its end (state SUCCEEDED or FAILED) and answers its last JSON. */
    public JsonNode await(String jobId) throws Exception {
        return Awaitility.await().alias("import " + jobId + " finishes").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(50)).until(() -> job(jobId), job -> {
                    String state = job.get("state").asText();
                    return state.equals("SUCCEEDED") || state.equals("FAILED");
                });
    }

    public JsonNode job(String jobId) throws Exception {
        String body = mvc.perform(get("/api/v1/jobs/" + jobId).with(who)).andReturn()
                .getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    public JsonNode run(Path file, String name, Map<String, String> params) throws Exception {
        return await(start(file, name, params));
    }

    /** Downloads a (streamed) file from the API. */
    public byte[] download(String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(who)).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
                    .andReturn();
        }
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("download failed: " + result.getResponse().getStatus());
        }
        return result.getResponse().getContentAsByteArray();
    }

    /** The report's records (header excluded): row, column, value, reason. */
    public List<CSVRecord> report(String jobId) throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/imports/" + jobId + "/report").with(who))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> records = new ArrayList<>(CSVFormat.DEFAULT.builder().setSkipHeaderRecord(true)
                .setHeader().get().parse(new java.io.StringReader(text)).getRecords());
        return records;
    }
}
