package cn.lantai.stacks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.internal.RoomStore;
import cn.lantai.stacks.internal.climate.Alert;
import cn.lantai.stacks.internal.climate.ChartData;
import cn.lantai.stacks.internal.climate.ClimateRecords;
import cn.lantai.stacks.internal.climate.ClimateFigures;
import cn.lantai.stacks.internal.climate.Intake;
import cn.lantai.stacks.internal.climate.ReadingInput;
import cn.lantai.stacks.internal.climate.ReadingIntake;
import cn.lantai.stacks.internal.climate.RoomClimate;
import cn.lantai.stacks.internal.climate.Sensors;
import cn.lantai.stacks.internal.climate.YearReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rooms' temperature and relative humidity (温湿度) for the stacks staff ({@code MANAGE_STACKS}): the overview of
 * every room with its latest reading and open alerts, a room's chart over a range, readings entered by hand, alerts
 * acknowledged (both audited), a room's yearly analysis, and the stacks' yearly figures for the statistics. Sensors
 * and their readings are kept by {@link Sensors} and {@link ReadingIntake}.
 */
@Service
public class Climate {

    /** The longest range a chart shows raw readings for; longer ranges show the days' rollup. */
    public static final int RAW_DAYS = 7;
    /** The longest range a chart shows at all. */
    public static final int MAX_DAYS = 3660;
    /** The first day a chart may show: the archive keeps no climate before it. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    private final RoomStore rooms;
    private final ReadingIntake intake;
    private final ClimateRecords records;
    private final ClimateFigures figures;
    private final AuditTrail trail;
    private final ZoneId zone;

    Climate(RoomStore rooms, ReadingIntake intake, ClimateRecords records, ClimateFigures figures, AuditTrail trail,
            @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.rooms = rooms;
        this.intake = intake;
        this.records = records;
        this.figures = figures;
        this.trail = trail;
        this.zone = zone;
    }

    /**
     * The year's figures (aggregates, no personal data); the caller decides who may read them. Read from the daily
     * rollup: readings kept in the year's archive days; room-days with a reading outside the room kind's norm (the
     * days that raised an out-of-range alert); room-days whose readings spread beyond ±2 ℃ / ±5 % RH; finished
     * room-days, from the start of the room's watch (its first reading or its first sensor), with fewer than two
     * readings.
     */
    public ClimateYear year(int year) {
        return figures.year(year);
    }

    /** Every room with its latest reading and open alerts. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<RoomClimate> overview() {
        Map<String, Long> open = records.openByRoom();
        return rooms.all().stream().map(r -> new RoomClimate(r, records.latest(r.code()).orElse(null),
                open.getOrDefault(r.code(), 0L))).toList();
    }

    /**
     * The alerts nobody has acknowledged yet, newest day first: at most {@link ClimateRecords#OPEN_SHOWN} (the
     * overview's counts tell how many there are in all).
     */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Alert> openAlerts() {
        return records.open();
    }

    /** The room's latest alerts, open or not. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Alert> alerts(String room) {
        return records.ofRoom(room(room).code());
    }

    /**
     * The room's climate over a range of archive days, both included: raw readings up to {@link #RAW_DAYS} days, the
     * days' rollup beyond.
     *
     * @throws StacksProblem 404 {@code stacks.climate.unknown-room}, 422 {@code stacks.climate.bad-range} or
     *         {@code stacks.climate.range-out} (a day before {@link #FIRST_DAY} or after today)
     */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public ChartData chart(String room, LocalDate from, LocalDate to) {
        Room r = room(room);
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new StacksProblem(422, "stacks.climate.bad-range", MAX_DAYS);
        }
        if (from.isBefore(FIRST_DAY) || to.isAfter(today())) {
            throw new StacksProblem(422, "stacks.climate.range-out", FIRST_DAY, today());
        }
        if (ChronoUnit.DAYS.between(from, to) < RAW_DAYS) {
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
            return new ChartData(r, from, to, true, records.readings(r.code(), start, end), List.of());
        }
        return new ChartData(r, from, to, false, List.of(), records.days(r.code(), from, to));
    }

    /**
     * A reading entered by hand (sensor {@code manual}) at a moment of the archive's clock, audited.
     *
     * @throws StacksProblem 404 {@code stacks.reading.unknown-room}, 422 for a bad reading
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Intake enter(String room, LocalDateTime at, BigDecimal temperature, BigDecimal humidity, Viewer viewer) {
        Instant moment = at == null ? null : at.atZone(zone).toInstant();
        Intake kept = intake.byHand(List.of(new ReadingInput(room, Sensors.MANUAL, moment, temperature, humidity)),
                viewer.name());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.climate.reading.enter", "room:" + room,
                null, "at=" + at + " t=" + temperature + " rh=" + humidity + (kept.stored() == 0 ? " duplicate" : "")));
        return kept;
    }

    /**
     * Acknowledges an open alert, audited.
     *
     * @throws StacksProblem 404 {@code stacks.climate.unknown-alert}, 409 {@code stacks.climate.acknowledged}
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Alert acknowledge(long id, Viewer viewer) {
        Alert alert = records.acknowledge(id, viewer.name());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.climate.alert.acknowledge",
                "room:" + alert.room(), "open", alert.kind() + " " + alert.day()));
        return alert;
    }

    /**
     * The room's yearly analysis, month by month.
     *
     * @throws StacksProblem 404 {@code stacks.climate.unknown-room}, 422 {@code stacks.climate.bad-year}
     */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public YearReport report(String room, int year) {
        Room r = room(room);
        if (year < 2000 || year > LocalDate.now(zone).getYear()) {
            throw new StacksProblem(422, "stacks.climate.bad-year", year);
        }
        return figures.report(r, year);
    }

    /** The archive's zone, in which its days begin and end. */
    public ZoneId zone() {
        return zone;
    }

    /** Now by the archive's clock. */
    public LocalDateTime now() {
        return LocalDateTime.now(zone);
    }

    /** Today by the archive's clock. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    private Room room(String code) {
        return (code == null ? Optional.<Room>empty() : rooms.find(code.strip()))
                .orElseThrow(() -> new StacksProblem(404, "stacks.climate.unknown-room", code));
    }
}
