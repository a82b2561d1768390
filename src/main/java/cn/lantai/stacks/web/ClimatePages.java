package cn.lantai.stacks.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.Climate;
import cn.lantai.stacks.StacksProblem;
import cn.lantai.stacks.internal.climate.Alert;
import cn.lantai.stacks.internal.climate.ChartData;
import cn.lantai.stacks.internal.climate.ClimateDay;
import cn.lantai.stacks.internal.climate.Intake;
import cn.lantai.stacks.internal.climate.IssuedSensor;
import cn.lantai.stacks.internal.climate.Reading;
import cn.lantai.stacks.internal.climate.RoomClimate;
import cn.lantai.stacks.internal.climate.Sensors;
import cn.lantai.stacks.internal.climate.YearReport;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The rooms' climate pages for the stacks staff: {@code /stacks/climate} (every room's latest reading against its
 * norm, the open alerts to acknowledge), {@code /stacks/climate/{room}} (the chart over a chosen range, drawn from
 * {@code /stacks/climate/{room}/chart.json}; the hand-entry form; the sensors, registered with their token shown once,
 * and disabled; the room's alerts) and {@code /stacks/climate/{room}/{year}} (the yearly analysis, also as xlsx).
 */
@Controller
class ClimatePages {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Climate climate;
    private final Sensors sensors;
    private final ClimateWorkbook workbook;
    private final MessageSource messages;

    ClimatePages(Climate climate, Sensors sensors, ClimateWorkbook workbook, MessageSource messages) {
        this.climate = climate;
        this.sensors = sensors;
        this.workbook = workbook;
        this.messages = messages;
    }

    @GetMapping("/stacks/climate")
    String overview(Model model) {
        List<RoomClimate> rooms = climate.overview();
        List<Alert> alerts = climate.openAlerts();
        model.addAttribute("rooms", rooms);
        model.addAttribute("alerts", alerts);
        // the list is capped: say how many more wait beyond it
        model.addAttribute("moreAlerts", rooms.stream().mapToLong(RoomClimate::openAlerts).sum() - alerts.size());
        model.addAttribute("zone", climate.zone());
        return "stacks-climate";
    }

    @PostMapping("/stacks/climate/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String room, Viewer viewer) {
        climate.acknowledge(id, viewer);
        return room == null || room.isBlank() ? "redirect:/stacks/climate"
                : "redirect:/stacks/climate/" + UriUtils.encodePathSegment(room, StandardCharsets.UTF_8);
    }

    @GetMapping("/stacks/climate/{room}")
    String room(@PathVariable String room, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        return roomPage(room, from, to, model);
    }

    @GetMapping(path = "/stacks/climate/{room}/chart.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> chart(@PathVariable String room, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ChartData data = climate.chart(room, from, to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("room", data.room().code());
        body.put("from", data.from());
        body.put("to", data.to());
        body.put("resolution", data.raw() ? "raw" : "daily");
        body.put("norm", Map.of("minTemperature", data.room().kind().minTemperature(),
                "maxTemperature", data.room().kind().maxTemperature(),
                "minHumidity", data.room().kind().minHumidity(), "maxHumidity", data.room().kind().maxHumidity()));
        // the raw chart draws one line per sensor: the sensors in order, and each reading names its own
        body.put("sensors", data.readings().stream().map(Reading::sensor).distinct().sorted().toList());
        body.put("readings", data.readings().stream().map(r -> Map.of("at", r.at().toString(),
                "temperature", r.temperature(), "humidity", r.humidity(), "sensor", r.sensor())).toList());
        body.put("days", data.days().stream().map(ClimatePages::day).toList());
        return body;
    }

    private static Map<String, Object> day(ClimateDay d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", d.day().toString());
        m.put("minTemperature", d.minTemperature());
        m.put("maxTemperature", d.maxTemperature());
        m.put("averageTemperature", d.averageTemperature());
        m.put("minHumidity", d.minHumidity());
        m.put("maxHumidity", d.maxHumidity());
        m.put("averageHumidity", d.averageHumidity());
        m.put("readings", d.readings());
        return m;
    }

    @PostMapping("/stacks/climate/{room}/readings")
    String enter(@PathVariable String room, @RequestParam(required = false) String at,
            @RequestParam(required = false) String temperature, @RequestParam(required = false) String humidity,
            Viewer viewer, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            Intake kept = climate.enter(room, moment(at), number(temperature),
                    number(humidity), viewer);
            redirect.addFlashAttribute("notice", messages.getMessage(kept.stored() == 1 ? "stacks.climate.entered"
                    : "stacks.climate.entered-before", null, locale));
            return "redirect:/stacks/climate/{room}";
        } catch (StacksProblem e) {
            if (e.status() == 404) {
                throw e;
            }
            model.addAttribute("entryProblem", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
            model.addAttribute("typed", Map.of("at", at == null ? "" : at, "temperature",
                    temperature == null ? "" : temperature, "humidity", humidity == null ? "" : humidity));
            return roomPage(room, null, null, model);
        }
    }

    @PostMapping("/stacks/climate/{room}/sensors")
    String register(@PathVariable String room, @RequestParam(required = false) String code, Viewer viewer,
            Model model, Locale locale) {
        try {
            IssuedSensor issued = sensors.register(room, code, viewer);
            model.addAttribute("issued", issued);
        } catch (StacksProblem e) {
            if (e.status() == 404) {
                throw e;
            }
            model.addAttribute("sensorProblem", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
        }
        return roomPage(room, null, null, model);
    }

    @PostMapping("/stacks/climate/{room}/sensors/{code}/disable")
    String disable(@PathVariable String room, @PathVariable String code, Viewer viewer) {
        sensors.disable(code, viewer);
        return "redirect:/stacks/climate/{room}";
    }

    @GetMapping("/stacks/climate/{room}/{year:\\d{4}}")
    String year(@PathVariable String room, @PathVariable int year, Model model) {
        YearReport report = climate.report(room, year);
        model.addAttribute("report", report);
        model.addAttribute("columns", ClimateWorkbook.COLUMNS);
        model.addAttribute("rows", report.months().stream().map(ClimateWorkbook::values).toList());
        model.addAttribute("total", ClimateWorkbook.values(report.total()));
        return "stacks-climate-year";
    }

    @GetMapping("/stacks/climate/{room}/{year:\\d{4}}.xlsx")
    ResponseEntity<byte[]> yearWorkbook(@PathVariable String room, @PathVariable int year, Locale locale)
            throws IOException {
        YearReport report = climate.report(room, year);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(report, locale, out);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                .attachment().filename("climate-" + report.room().code() + "-" + year + ".xlsx").build().toString())
                .body(out.toByteArray());
    }

    private String roomPage(String room, LocalDate from, LocalDate to, Model model) {
        LocalDate today = climate.today();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(1) : from;
        ChartData data = climate.chart(room, start, end);
        model.addAttribute("room", data.room());
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("year", today.getYear());
        model.addAttribute("sensors", sensors.ofRoom(data.room().code()));
        model.addAttribute("alerts", climate.alerts(data.room().code()));
        model.addAttribute("now", climate.now().withSecond(0).withNano(0));
        return "stacks-climate-room";
    }

    private static LocalDateTime moment(String at) {
        try {
            return at == null || at.isBlank() || at.length() > 30 ? null : LocalDateTime.parse(at.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The number as typed; anything else is no number, which the intake refuses with its message. */
    private static BigDecimal number(String text) {
        try {
            return text == null || text.isBlank() || text.length() > 12 ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
