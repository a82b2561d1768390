package cn.lantai.stacks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogVolumes;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.NewVolume;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Volume;
import cn.lantai.stacks.Boxes.NewBox;
import cn.lantai.stacks.Moves.Target;
import cn.lantai.stacks.internal.locations.MoveLog;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The stacks' locations, boxes, out/in log, yearly figures and labels, through the services and the API, as a person
 * of the stacks (库房) does them; each in a room of its own, so other tests' rooms never count.
 */
@LantaiTest
class LocationsTest {

    static final String KEEPER = "stacks-loc";

    @Autowired Rooms rooms;
    @Autowired Locations locations;
    @Autowired Boxes boxes;
    @Autowired Moves moves;
    @Autowired ShelfLabels labels;
    @Autowired MoveLog log;
    @Autowired ArchiveSeal seal;
    @Autowired CatalogManagement catalog;
    @Autowired CatalogVolumes volumes;
    @Autowired Staff staff;
    @Autowired MockMvc mvc;
    @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone;

    final Viewer keeper = Viewer.staff(KEEPER, Classification.TOP_SECRET, true);
    String room;
    Item first;
    Item second;
    Volume file;

    @BeforeEach
    void aRoomAndSomeRecords() {
        staff.ensure(KEEPER, "库房管理员", null, Classification.TOP_SECRET, List.of("STACKS"));
        room = "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        as(() -> rooms.add(new Room(room, "测试库房", RoomKind.PAPER, 5, 6, 4), keeper));
        String fonds = staff.unitWithFonds("库房测试单位");
        first = catalog.create(Entries.item(fonds, 2019, "关于档案库房改造的请示").input(), Viewer.system());
        second = catalog.create(Entries.item(fonds, 2019, "关于库房温湿度的通知").input(), Viewer.system());
        file = volumes.create(new NewVolume(fonds, "WS", 1988, "永久", "BGS", "1988年会议记录", null, "开放", null),
                Viewer.system());
    }

    <T> T as(Supplier<T> work) {
        return staff.as(KEEPER, work);
    }

    String refusal(Runnable work) {
        try {
            as(() -> {
                work.run();
                return null;
            });
        } catch (StacksProblem e) {
            return e.status() + " " + e.key();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aLocationIsReadAsPeopleTypeItAndHeldToTheRoomsLayout() {
        assertThat(Location.parse("K01-03-12-4")).contains(new Location("K01", 3, 12, 4));
        assertThat(Location.parse("Ｋ０１－０３－１２－４")).contains(new Location("K01", 3, 12, 4));
        assertThat(Location.parse(" K01 - 3 -\u300012 - 4 ")).contains(new Location("K01", 3, 12, 4));
        assertThat(Location.parse("A-2-1-1-1")).contains(new Location("A-2", 1, 1, 1));
        assertThat(new Location("K01", 3, 12, 4)).hasToString("K01-03-12-4");
        for (String malformed : new String[] {null, "", "K01", "K01-03-12", "K01-x-1-1", "K01-1-1-123",
                "<script>-1-1-1", "K01-03-12-4".repeat(10), "K01_03_12_4"}) {
            assertThat(Location.parse(malformed)).as(String.valueOf(malformed)).isEmpty();
        }

        Placed placed = as(() -> locations.place(first.archivalCode(), room.toLowerCase() + "-05-06-4", keeper));
        assertThat(placed.location()).isEqualTo(new Location(room, 5, 6, 4));
        assertThat(as(() -> locations.placeOf(first.archivalCode(), keeper))).contains(placed);
        assertThat(as(() -> locations.place(file.archivalCode(), "  " + room + "－０１－０１－１", keeper)).kind())
                .isEqualTo(Kept.VOLUME);

        assertThat(refusal(() -> locations.place(second.archivalCode(), room + "-06-01-1", keeper)))
                .isEqualTo("422 stacks.location.outside");
        assertThat(refusal(() -> locations.place(second.archivalCode(), room + "-01-07-1", keeper)))
                .isEqualTo("422 stacks.location.outside");
        assertThat(refusal(() -> locations.place(second.archivalCode(), room + "-01-01-5", keeper)))
                .isEqualTo("422 stacks.location.outside");
        assertThat(refusal(() -> locations.place(second.archivalCode(), room + "-00-01-1", keeper)))
                .isEqualTo("422 stacks.location.outside");
        assertThat(refusal(() -> locations.place(second.archivalCode(), "NOSUCHROOM-01-01-1", keeper)))
                .isEqualTo("404 stacks.location.no-room");
        assertThat(refusal(() -> locations.place(second.archivalCode(), room + "-01-01", keeper)))
                .isEqualTo("422 stacks.location.malformed");
        assertThat(refusal(() -> locations.place(second.archivalCode(), "x".repeat(100_000), keeper)))
                .isEqualTo("422 stacks.location.malformed");
        String unknown = first.archivalCode().replaceAll("-[0-9]{4}$", "-9999");
        assertThat(refusal(() -> locations.place(unknown, room + "-01-01-1", keeper)))
                .isEqualTo("404 stacks.entry.unknown");
        assertThat(refusal(() -> locations.place("not a code", room + "-01-01-1", keeper)))
                .isEqualTo("422 stacks.entry.bad-reference");

        // many at once: all or none
        assertThat(refusal(() -> locations.placeAll(List.of(second.archivalCode(), unknown), room + "-02-02-2",
                keeper))).isEqualTo("404 stacks.entry.unknown");
        assertThat(as(() -> locations.placeOf(second.archivalCode(), keeper))).isEmpty();
        assertThat(as(() -> locations.placeAll(List.of(first.archivalCode(), second.archivalCode(),
                " " + second.archivalCode()), room + "-02-02-2", keeper))).hasSize(2)
                .allMatch(p -> p.location().equals(new Location(room, 2, 2, 2)));
        assertThat(refusal(() -> locations.placeAll(List.of(" ", ""), room + "-02-02-2", keeper)))
                .isEqualTo("422 stacks.entry.none");
    }

    @Test
    void entriesInABoxStandWhereTheBoxStandsAndMoveWithIt() {
        String number = "H-" + room;
        Box box = as(() -> boxes.add(new NewBox(number, null, null, null, "1988年会议记录盒"), room + "-03-04-2",
                keeper));
        assertThat(box.location()).isEqualTo(new Location(room, 3, 4, 2));
        as(() -> locations.putInBox(List.of(first.archivalCode(), file.archivalCode()), number.toLowerCase(), keeper));
        assertThat(as(() -> locations.placeOf(first.archivalCode(), keeper)).orElseThrow())
                .extracting(Placed::boxNumber, Placed::location).containsExactly(number, new Location(room, 3, 4, 2));

        as(() -> boxes.place(box.id(), room + "-05-01-1", keeper));
        assertThat(as(() -> locations.placeOf(file.archivalCode(), keeper)).orElseThrow().location())
                .isEqualTo(new Location(room, 5, 1, 1));
        ShelfMap map = as(() -> locations.map(room));
        assertThat(map.cell(5, 1)).isEqualTo(new ShelfMap.Cell(5, 1, 1, 2, 0));
        assertThat(map.shelves(5, 1).get(0).entries()).extracting(Placed::archivalCode)
                .containsExactlyInAnyOrder(first.archivalCode(), file.archivalCode());
        assertThat(map.cell(3, 4).empty()).isTrue();

        assertThat(refusal(() -> boxes.add(new NewBox(number, null, null, null, "又一个"), null, keeper)))
                .isEqualTo("409 stacks.box.exists");
        assertThat(refusal(() -> boxes.add(new NewBox("H " + room, null, null, null, "空格"), null, keeper)))
                .isEqualTo("422 stacks.box.bad-number");
        assertThat(refusal(() -> boxes.add(new NewBox("N" + room, "12", 2019, "WS", null), null, keeper)))
                .isEqualTo("422 stacks.box.bad-contents");
        assertThat(refusal(() -> boxes.add(new NewBox("N" + room, null, null, null, "x".repeat(101)), null,
                keeper))).isEqualTo("422 stacks.box.bad-contents");
        assertThat(refusal(() -> boxes.add(new NewBox("N" + room, "0012", 2019, "WS", null), room + "-09-01-1",
                keeper))).isEqualTo("422 stacks.location.outside");
        assertThat(refusal(() -> boxes.byNumber("N" + room))).isEqualTo("404 stacks.box.unknown");
        assertThat(refusal(() -> locations.putInBox(List.of(second.archivalCode()), "NOBOX" + room, keeper)))
                .isEqualTo("404 stacks.box.unknown");
        staff.token(Staff.ARCHIVIST);
        assertThatThrownBy(() -> staff.as(Staff.ARCHIVIST, () -> boxes.add(new NewBox("Z" + room, null, null, null,
                "无权"), null, keeper))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void takingOutAndReturningAreLoggedOnceEachAndOverdueOnesRaiseAlerts() {
        LocalDate today = LocalDate.now(zone);
        String code = first.archivalCode();
        Move out = as(() -> moves.takeOut(Target.entry(code), MoveReason.DIGITIZATION, "扫描", today.plusDays(3),
                keeper));
        assertThat(out).extracting(Move::kind, Move::takenBy, Move::due, Move::out)
                .containsExactly(Kept.ITEM, KEEPER, today.plusDays(3), true);
        assertThat(refusal(() -> moves.takeOut(Target.entry(code), MoveReason.USE, null, today, keeper)))
                .isEqualTo("409 stacks.move.already-out");
        Move back = as(() -> moves.giveBack(Target.entry(code), keeper));
        assertThat(back.returnedBy()).isEqualTo(KEEPER);
        assertThat(refusal(() -> moves.giveBack(Target.entry(code), keeper))).isEqualTo("409 stacks.move.not-out");
        assertThat(refusal(() -> moves.giveBack(Target.entry(second.archivalCode()), keeper)))
                .isEqualTo("409 stacks.move.not-out");

        Box box = as(() -> boxes.add(new NewBox("B" + room, "0012", 2019, "WS", null), null, keeper));
        assertThat(refusal(() -> moves.giveBack(Target.box(box.number()), keeper))).isEqualTo("409 stacks.move.not-out");
        assertThat(refusal(() -> moves.takeOut(Target.box(box.number()), MoveReason.USE, null, today.minusDays(1),
                keeper))).isEqualTo("422 stacks.move.bad-due");
        assertThat(refusal(() -> moves.takeOut(Target.box(box.number()), MoveReason.USE, null, today.plusYears(2),
                keeper))).isEqualTo("422 stacks.move.bad-due");
        assertThat(refusal(() -> moves.takeOut(Target.box(box.number()), MoveReason.OTHER, " ", today, keeper)))
                .isEqualTo("422 stacks.move.bad-note");
        assertThat(refusal(() -> moves.takeOut(Target.box(box.number()), null, null, today, keeper)))
                .isEqualTo("422 stacks.move.no-reason");
        assertThat(refusal(() -> moves.takeOut(Target.box(box.number()), MoveReason.USE, "x".repeat(201), today,
                keeper))).isEqualTo("422 stacks.move.bad-note");
        assertThat(refusal(() -> moves.takeOut(Target.box("NOBOX" + room), MoveReason.USE, null, today, keeper)))
                .isEqualTo("404 stacks.box.unknown");

        // out since last week, due yesterday by the archive's calendar: an alert until it comes back
        log.takeOut(Kept.BOX, box.id(), box.number(), MoveReason.EXHIBITION, null, KEEPER,
                Instant.now().minusSeconds(7 * 86_400), today.minusDays(1));
        assertThat(as(() -> moves.overdue())).extracting(Move::label).contains(box.number());
        assertThat(as(() -> moves.overdueCount())).isPositive();
        as(() -> locations.place(second.archivalCode(), room + "-01-01-1", keeper));
        as(() -> boxes.place(box.id(), room + "-01-01-2", keeper));
        as(() -> moves.takeOut(Target.entry(second.archivalCode()), MoveReason.USE, null, today, keeper));
        assertThat(as(() -> locations.map(room)).cell(1, 1)).isEqualTo(new ShelfMap.Cell(1, 1, 1, 1, 2));
        as(() -> moves.giveBack(Target.box(box.number()), keeper));
        assertThat(as(() -> moves.overdue())).extracting(Move::label).doesNotContain(box.number());
        // due today is not overdue
        assertThat(as(() -> moves.overdue())).extracting(Move::label).doesNotContain(second.archivalCode());
    }

    @Test
    void theYearsFiguresCountTheLogByTheArchivesCalendar() {
        int y = ThreadLocalRandom.current().nextInt(2200, 9000);
        long base = ThreadLocalRandom.current().nextLong(1L << 40);
        // taken and returned in time
        row(base + 1, at(y, 3, 1, 10, 0), LocalDate.of(y, 3, 10), at(y, 3, 5, 9, 0));
        // returned a day late
        row(base + 2, at(y, 5, 1, 10, 0), LocalDate.of(y, 5, 10), at(y, 5, 11, 8, 0));
        // taken in December, returned late in the next year
        row(base + 3, at(y, 12, 20, 10, 0), LocalDate.of(y, 12, 31), at(y + 1, 1, 2, 9, 0));
        // taken on the year's last evening in the archive's zone (still the 31st there, UTC's afternoon), never back
        row(base + 4, at(y, 12, 31, 23, 30), LocalDate.of(y + 1, 1, 5), null);
        // taken the year before, back half an hour into the new year in the archive's zone (UTC's old year)
        row(base + 5, at(y - 1, 12, 30, 10, 0), LocalDate.of(y, 1, 3), at(y, 1, 1, 0, 30));
        // back on its due day, late in the evening: not late
        row(base + 6, at(y, 6, 1, 10, 0), LocalDate.of(y, 6, 10), at(y, 6, 10, 23, 50));

        assertThat(locations.year(y)).isEqualTo(new LocationsYear(y, 5, 4, 1, 2));
        assertThat(locations.year(y + 1)).isEqualTo(new LocationsYear(y + 1, 0, 1, 1, 0));
        assertThat(locations.year(y - 1)).isEqualTo(new LocationsYear(y - 1, 1, 0, 0, 1));
    }

    Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant();
    }

    void row(long target, Instant taken, LocalDate due, Instant returned) {
        log.takeOut(Kept.ITEM, target, "T-" + target, MoveReason.USE, null, KEEPER, taken, due);
        if (returned != null) {
            log.giveBack(Kept.ITEM, target, KEEPER, returned);
        }
    }

    @Test
    void labelsPrintOnA4SheetsAndTheirCodesReadBack() throws Exception {
        assumeThat(seal.pdfAvailable()).as("a CJK font for PDFs").isTrue();
        Box box = as(() -> boxes.add(new NewBox("L" + room, "0012", 2019, "WS", "关于库房的文件"), room + "-02-03-1",
                keeper));
        byte[] boxPdf = as(() -> labels.boxLabel(box.id(), Locale.SIMPLIFIED_CHINESE));
        try (PDDocument doc = Loader.loadPDF(boxPdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("L" + room).contains(room + "-02-03-1")
                    .contains("全宗号 0012");
            assertThat(qr(new PDFRenderer(doc).renderImageWithDPI(0, 150))).isEqualTo(labels.boxQr(box.id()))
                    .endsWith("/stacks/boxes/" + box.id());
        }

        byte[] shelves = as(() -> labels.shelfLabels(room, null, Locale.SIMPLIFIED_CHINESE));
        try (PDDocument doc = Loader.loadPDF(shelves)) {
            // 5 rows × 6 sections × 4 shelves = 120 labels, 24 to a sheet
            assertThat(doc.getNumberOfPages()).isEqualTo(5);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            double s = 150 / 72.0;
            BufferedImage firstLabel = page.getSubimage((int) (24 * s), (int) (24 * s), (int) (182 * s),
                    (int) (99 * s));
            assertThat(qr(firstLabel)).isEqualTo(room + "-01-01-1");
        }
        assertThat(refusal(() -> labels.shelfLabels(room, 6, Locale.ROOT)))
                .isEqualTo("422 stacks.labels.bad-row");
        assertThat(refusal(() -> labels.shelfLabels("NOSUCH" + room.substring(0, 4), null, Locale.ROOT)))
                .isEqualTo("404 stacks.location.no-room");
    }

    static String qr(BufferedImage image) throws NotFoundException, IOException {
        try {
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                    image.getWidth(), image.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (ChecksumException | FormatException e) {
            throw new IOException(e);
        }
    }

    @Test
    void theApiAnswersRefusalsAsProblems() throws Exception {
        String token = "Bearer " + staff.token(KEEPER);
        mvc.perform(get("/api/v1/stacks/rooms").header("Authorization", token)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '" + room + "')].rows").value(5));
        mvc.perform(put("/api/v1/stacks/locations/{code}", first.archivalCode()).header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"location\":\"" + room + "-01-02-3\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.location").value(room + "-01-02-3"));
        mvc.perform(put("/api/v1/stacks/locations/{code}", first.archivalCode()).header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"location\":\"" + room + "-01-02-9\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("stacks.location.outside"));
        mvc.perform(put("/api/v1/stacks/locations/{code}", "0000-WS·2019-Y-9999").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"location\":\"" + room + "-01-02-3\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("stacks.entry.unknown"));
        mvc.perform(put("/api/v1/stacks/locations/{code}", first.archivalCode()).header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"location\": [1, 2"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/stacks/locations").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entries\":[\"" + first.archivalCode() + "\",\"" + second.archivalCode()
                                + "\"],\"location\":\"" + room + "-04-04-4\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));

        String due = LocalDate.now(zone).plusDays(5).toString();
        String body = "{\"entry\":\"" + second.archivalCode() + "\",\"reason\":\"REPAIR\",\"due\":\"" + due + "\"}";
        mvc.perform(post("/api/v1/stacks/moves/out").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.reason").value("REPAIR"));
        mvc.perform(post("/api/v1/stacks/moves/out").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stacks.move.already-out"));
        String in = "{\"entry\":\"" + second.archivalCode() + "\"}";
        mvc.perform(post("/api/v1/stacks/moves/in").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(in)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/stacks/moves/in").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(in)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stacks.move.not-out"));
        mvc.perform(post("/api/v1/stacks/moves/in").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"entry\":\"x\",\"box\":\"y\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("stacks.move.one-target"));
        mvc.perform(post("/api/v1/stacks/moves/out").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entry\":\"" + first.archivalCode() + "\",\"reason\":\"NAP\",\"due\":\"" + due
                                + "\"}"))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/api/v1/stacks/moves/overdue")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/stacks/locations/{code}", first.archivalCode()).with(Staff.archivist())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"location\":\"" + room + "-01-02-3\"}"))
                .andExpect(status().isForbidden());
    }
}
