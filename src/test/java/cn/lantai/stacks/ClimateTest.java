package cn.lantai.stacks;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link ClimateContract} on H2, and every bad input a sensor or a person can send: no or a wrong credential, nonsense
 * JSON, missing, non-numeric and absurd figures, readings from the future or from years ago, an unknown room, another
 * room's or sensor's reading, duplicates, too many or too large, and a flood; each answered with its status and code,
 * and nothing of a refused call kept. The pages: the overview, a room's page, entry by hand, sensors registered (token
 * shown once) and disabled, the yearly analysis and its workbook, and no climate for staff without the right.
 */
@LantaiTest
class ClimateTest extends ClimateContract {

    private String code(String token, String body, int status) throws Exception {
        return send(token, body, status).get("code").asString();
    }

    private long kept(String room) {
        return jdbc.sql("SELECT COUNT(*) FROM stacks_reading WHERE room_code = ?").param(room).query(Long.class)
                .single();
    }

    @Test
    void aSensorWithoutItsOwnValidTokenIsRefused() throws Exception {
        String room = room(RoomKind.PAPER);
        String[] s = sensor(room);
        String body = item(room, s[0], Instant.now(), "20", "50");
        mvc.perform(post("/api/v1/stacks/readings").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        assertThat(code("lts_wrong", body, 401)).isEqualTo("stacks.reading.no-credential");
        // a person's token is no sensor's
        assertThat(code(staff.token(KEEPER), body, 401)).isEqualTo("stacks.reading.no-credential");
        staff.as(KEEPER, () -> sensors.disable(s[0], viewer()));
        assertThat(code(s[1], body, 401)).isEqualTo("stacks.reading.no-credential");
        assertThat(kept(room)).isZero();
    }

    @Test
    void nonsenseAndAbsurdReadingsAreRefusedWholeWithTheirReason() throws Exception {
        String room = room(RoomKind.PAPER);
        String[] s = sensor(room);
        Instant now = Instant.now();
        assertThat(code(s[1], "{not json", 400)).isEqualTo("stacks.reading.bad-json");
        assertThat(code(s[1], "42", 400)).isEqualTo("stacks.reading.bad-json");
        assertThat(code(s[1], "", 400)).isEqualTo("stacks.reading.bad-json");
        assertThat(code(s[1], "[]", 422)).isEqualTo("stacks.reading.none");
        assertThat(code(s[1], "[1]", 422)).isEqualTo("stacks.reading.not-an-object");
        String noTemperature = "{\"room\":\"" + room + "\",\"sensor\":\"" + s[0] + "\",\"at\":\"" + now
                + "\",\"humidity\":50}";
        assertThat(code(s[1], noTemperature, 422)).isEqualTo("stacks.reading.bad-temperature");
        assertThat(code(s[1], item(room, s[0], now, "\"NaN\"", "50"), 422)).isEqualTo("stacks.reading.bad-temperature");
        assertThat(code(s[1], item(room, s[0], now, "NaN", "50"), 400)).isEqualTo("stacks.reading.bad-json");
        assertThat(code(s[1], item(room, s[0], now, "1e400", "50"), 422)).isEqualTo("stacks.reading.bad-temperature");
        assertThat(code(s[1], item(room, s[0], now, "-40.01", "50"), 422)).isEqualTo("stacks.reading.bad-temperature");
        assertThat(code(s[1], item(room, s[0], now, "20", "100.5"), 422)).isEqualTo("stacks.reading.bad-humidity");
        assertThat(code(s[1], item(room, s[0], now, "20", "-1"), 422)).isEqualTo("stacks.reading.bad-humidity");
        assertThat(code(s[1], item(room, s[0], now, "20", "null"), 422)).isEqualTo("stacks.reading.bad-humidity");
        assertThat(code(s[1], item(room, s[0], now, "20", "50").replace(now.toString(), "yesterday"), 422))
                .isEqualTo("stacks.reading.bad-at");
        assertThat(code(s[1], item(room, s[0], now, "20", "50").replace("Z\"", "\""), 422))
                .isEqualTo("stacks.reading.bad-at");
        assertThat(code(s[1], item(room, s[0], now.plus(10, ChronoUnit.MINUTES), "20", "50"), 422))
                .isEqualTo("stacks.reading.future");
        assertThat(code(s[1], item(room, s[0], now.minus(400, ChronoUnit.DAYS), "20", "50"), 422))
                .isEqualTo("stacks.reading.too-old");
        // one bad reading in a batch: none of the batch is kept
        String mixed = "[" + item(room, s[0], now.minusSeconds(60), "20", "50") + ","
                + item(room, s[0], now, "200", "50") + "]";
        assertThat(send(s[1], mixed, 422).get("detail").asString()).contains("2");
        assertThat(kept(room)).isZero();
        // a clock a little ahead is taken
        assertThat(send(s[1], item(room, s[0], now.plus(2, ChronoUnit.MINUTES), "20", "50"), 200).get("stored")
                .asInt()).isEqualTo(1);
    }

    @Test
    void readingsOfAnotherRoomOrSensorAreRefused() throws Exception {
        String room = room(RoomKind.PAPER);
        String other = room(RoomKind.PAPER);
        String[] s = sensor(room);
        String[] t = sensor(other);
        Instant now = Instant.now();
        assertThat(code(s[1], item("NO-SUCH-ROOM", s[0], now, "20", "50"), 404)).isEqualTo("stacks.reading.unknown-room");
        assertThat(code(s[1], item(other, s[0], now, "20", "50"), 403)).isEqualTo("stacks.reading.other-room");
        assertThat(code(s[1], item(room, t[0], now, "20", "50"), 403)).isEqualTo("stacks.reading.other-sensor");
        assertThat(kept(room) + kept(other)).isZero();
    }

    @Test
    void duplicatesCountOnceAndBigCallsAreRefused() throws Exception {
        String room = room(RoomKind.PAPER);
        String[] s = sensor(room);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
        String one = item(room, s[0], at, "20", "50");
        assertThat(send(s[1], "[" + one + "," + one + "]", 200).get("duplicates").asInt()).isEqualTo(1);
        assertThat(send(s[1], one, 200).get("stored").asInt()).isZero();
        assertThat(kept(room)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT SUM(reading_count) FROM stacks_climate_day WHERE room_code = ?").param(room)
                .query(Long.class).single()).isEqualTo(1);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(item(room, s[0], at.minusSeconds(60L * i + 60), "20", "50"));
        }
        assertThat(code(s[1], "[" + String.join(",", many) + "]", 422)).isEqualTo("stacks.reading.too-many");
        String huge = "[" + one + "," + "\"x\",".repeat(200_000) + one + "]";
        assertThat(code(s[1], huge, 413)).isEqualTo("stacks.reading.too-large");
        assertThat(kept(room)).isEqualTo(1);
    }

    @Test
    void aFloodingSensorIsToldToWait() throws Exception {
        String room = room(RoomKind.PAPER);
        String[] s = sensor(room);
        String one = item(room, s[0], Instant.now().minusSeconds(60), "20", "50");
        int answered = 0;
        MockHttpServletResponse last;
        do {
            last = mvc.perform(post("/api/v1/stacks/readings").with(Staff.bearer(s[1]))
                    .contentType(MediaType.APPLICATION_JSON).content(one)).andReturn().getResponse();
            answered++;
        } while (last.getStatus() == 200 && answered < 1000);
        assertThat(last.getStatus()).isEqualTo(429);
        assertThat(answered).isEqualTo(61);
        assertThat(last.getHeader("Retry-After")).isNotBlank();
        assertThat(last.getContentAsString()).contains("stacks.reading.flood");
    }

    @Test
    void sensorsAreRegisteredWithTheirTokenShownOnceAndDisabled() throws Exception {
        String room = room(RoomKind.OPTICAL_DISCS);
        String answer = mvc.perform(post("/api/v1/stacks/sensors").with(Staff.as(KEEPER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"room\":\"" + room + "\",\"code\":\"D-1" + room + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = json.readTree(answer).get("token").asString();
        assertThat(token).startsWith("lts_");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stacks_sensor WHERE token_digest = ? OR token_digest = ?")
                .params(token, token.substring(4)).query(Long.class).single()).isZero();
        assertThat(mvc.perform(get("/api/v1/stacks/sensors").param("room", room).with(Staff.as(KEEPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).doesNotContain(token);
        mvc.perform(post("/api/v1/stacks/sensors").with(Staff.as(KEEPER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"room\":\"" + room + "\",\"code\":\"manual\"}")).andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/v1/stacks/sensors").with(Staff.as(KEEPER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"room\":\"" + room + "\",\"code\":\"D-1" + room + "\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/stacks/sensors").with(Staff.as(KEEPER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"room\":\"NOPE\",\"code\":\"D-2" + room + "\"}")).andExpect(status().isNotFound());
        // the archivist may not
        mvc.perform(post("/api/v1/stacks/sensors").with(Staff.archivist()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"room\":\"" + room + "\",\"code\":\"D-3" + room + "\"}")).andExpect(status().isForbidden());
        // on the page: the token once in the answer, then never again
        String page = mvc.perform(post("/stacks/climate/{room}/sensors", room).param("code", "P-1" + room)
                        .with(Staff.page(KEEPER)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"issued-token\"").contains("lts_");
        assertThat(page).contains("data-url=\"/stacks/climate/" + room + "/chart.json?from=");
        assertThat(mvc.perform(get("/stacks/climate/{room}", room).with(Staff.page(KEEPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain("lts_").contains("P-1" + room);
        mvc.perform(post("/stacks/climate/{room}/sensors/{code}/disable", room, "P-1" + room).with(Staff.page(KEEPER))
                .with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/stacks/sensors/{code}/disable", "P-1" + room).with(Staff.as(KEEPER)))
                .andExpect(status().isConflict());
    }

    @Test
    void readingsEnteredByHandShowOnThePagesAndTheYearlyAnalysis() throws Exception {
        String room = room(RoomKind.PAPER);
        LocalDateTime at = LocalDateTime.now(zone).minusHours(1).withSecond(0).withNano(0);
        String bad = mvc.perform(post("/stacks/climate/{room}/readings", room).param("at", at.toString())
                        .param("temperature", "warm").param("humidity", "50").with(Staff.page(KEEPER)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("role=\"alert\"").contains("value=\"warm\"");
        mvc.perform(post("/stacks/climate/{room}/readings", room).param("at", "soon").param("temperature", "20")
                .param("humidity", "50").with(Staff.page(KEEPER)).with(csrf())).andExpect(status().isOk());
        assertThat(kept(room)).isZero();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/stacks/climate/{room}/readings", room).param("at", at.toString())
                    .param("temperature", "26.5").param("humidity", "50").with(Staff.page(KEEPER)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("SELECT sensor, entered_by FROM stacks_reading WHERE room_code = ?").param(room)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .containsExactly("manual " + KEEPER);
        assertThat(alerts(room)).containsExactly("OUT_OF_RANGE " + at.toLocalDate());

        String overview = mvc.perform(get("/stacks/climate").with(Staff.page(KEEPER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(overview).contains("data-room=\"" + room + "\"").contains("26.5");
        long alert = jdbc.sql("SELECT id FROM stacks_climate_alert WHERE room_code = ?").param(room).query(Long.class)
                .single();
        mvc.perform(post("/stacks/climate/alerts/{id}/acknowledge", alert).with(Staff.page(KEEPER)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/stacks/climate/alerts/{id}/acknowledge", alert).with(Staff.page(KEEPER)).with(csrf()))
                .andExpect(status().isConflict());

        int year = at.toLocalDate().getYear();
        String report = mvc.perform(get("/stacks/climate/{room}/{year}", room, year).with(Staff.page(KEEPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("26.5").contains(" " + year + " 年度温湿度分析")
                .doesNotContain(String.format(Locale.ROOT, "%,d", year));
        String page = mvc.perform(get("/stacks/climate/{room}", room).with(Staff.page(KEEPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int thisYear = LocalDate.now(zone).getYear();
        assertThat(page).contains(thisYear + " 年度分析").doesNotContain(String.format(Locale.ROOT, "%,d", thisYear));
        byte[] xlsx = mvc.perform(get("/stacks/climate/{room}/{year}.xlsx", room, year).with(Staff.page(KEEPER)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString(room)))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            Row month = rows.get(1 + at.getMonthValue());
            assertThat(month.getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("26.5");
            assertThat(month.getCellAsNumber(7).orElseThrow()).isEqualByComparingTo("1");
        }
        mvc.perform(get("/stacks/climate/{room}/{year}", room, year + 1).with(Staff.page(KEEPER)))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/stacks/climate/{room}/chart.json", room).param("from", "2026-02-01").param("to", "2026-01-01")
                .with(Staff.page(KEEPER))).andExpect(status().isUnprocessableEntity());
        // a day far in the future or the past is refused with its reason, not sent to the database
        String far = mvc.perform(get("/stacks/climate/{room}", room).param("from", "+50000000-01-01")
                        .param("to", "+50000000-01-02").with(Staff.page(KEEPER)))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(far).contains("日期须在 2000-01-01 至 " + LocalDate.now(zone) + "（今天）之间");
        mvc.perform(get("/stacks/climate/{room}/chart.json", room).param("from", "1000-01-01")
                .param("to", "1000-01-02").with(Staff.page(KEEPER))).andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/stacks/climate/NO-SUCH-ROOM").with(Staff.page(KEEPER))).andExpect(status().isNotFound());
        // staff without MANAGE_STACKS see no climate
        mvc.perform(get("/stacks/climate").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
        mvc.perform(get("/stacks/climate/{room}/chart.json", room).param("from", LocalDate.now(zone).toString())
                .param("to", LocalDate.now(zone).toString()).with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theRawChartDrawsEachSensorApart() throws Exception {
        String room = room(RoomKind.PAPER);
        String[] a = sensor(room);
        String[] b = sensor(room);
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        send(a[1], item(room, a[0], at(yesterday, 9), "18.0", "50"), 200);
        send(b[1], item(room, b[0], at(yesterday, 10), "19.0", "51"), 200);
        send(a[1], item(room, a[0], at(yesterday, 11), "18.5", "50"), 200);

        JsonNode chart = json.readTree(mvc.perform(get("/stacks/climate/{room}/chart.json", room)
                        .param("from", yesterday.toString()).param("to", yesterday.toString()).with(Staff.page(KEEPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> sensors = new ArrayList<>();
        chart.get("sensors").forEach(n -> sensors.add(n.asString()));
        assertThat(sensors).containsExactlyElementsOf(List.of(a[0], b[0]).stream().sorted().toList());
        List<String> bySensor = new ArrayList<>();
        chart.get("readings").forEach(r -> bySensor.add(r.get("sensor").asString() + " "
                + r.get("temperature").decimalValue().setScale(1)));
        assertThat(bySensor).containsExactly(a[0] + " 18.0", b[0] + " 19.0", a[0] + " 18.5");
    }

    @Test
    void theOverviewListsAtMostTwoHundredOpenAlertsAndSaysHowManyMore() throws Exception {
        String room = room(RoomKind.PAPER);
        long before = jdbc.sql("SELECT COUNT(*) FROM stacks_climate_alert WHERE acknowledged_at IS NULL")
                .query(Long.class).single();
        LocalDate first = LocalDate.of(2001, 1, 1); // old days: listed last, after every other test's alerts
        for (int i = 0; i < 230; i++) {
            jdbc.sql("INSERT INTO stacks_climate_alert (room_code, kind, alert_day, detail, raised_at) "
                    + "VALUES (?, 'THIN_DAY', ?, '0', ?)")
                    .params(room, first.plusDays(i), LocalDateTime.now(ZoneOffset.UTC)).update();
        }
        try {
            String page = mvc.perform(get("/stacks/climate").with(Staff.page(KEEPER))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page.split("data-kind=\"", -1)).hasSize(200 + 1);
            assertThat(page).contains("还有 " + (before + 230 - 200) + " 条未处理的告警未列出");
        } finally {
            jdbc.sql("UPDATE stacks_climate_alert SET acknowledged_at = ?, acknowledged_by = ? WHERE room_code = ?")
                    .params(LocalDateTime.now(ZoneOffset.UTC), KEEPER, room).update();
        }
    }
}
