package cn.lantai.stacks.internal.climate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.lantai.stacks.ClimateYear;
import cn.lantai.stacks.Room;
import cn.lantai.stacks.RoomKind;
import cn.lantai.stacks.internal.RoomStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The climate's figures, read from the daily rollup (never the raw readings) and the alerts: a room's yearly analysis
 * by month, and the whole stacks' year. A thin day is a finished archive day, from the start of the room's watch
 * ({@link ReadingStore#firstDays}), with fewer than two readings (none at all counts too); days out of norm and swing
 * days are the rollup's days whose extremes leave the room kind's norm or spread beyond ±2 ℃ / ±5 % RH, the same days
 * that raise those alerts.
 */
@Component
public class ClimateFigures {

    private final ReadingStore readings;
    private final AlertStore alerts;
    private final RoomStore rooms;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    ClimateFigures(ReadingStore readings, AlertStore alerts, RoomStore rooms,
            @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.readings = readings;
        this.alerts = alerts;
        this.rooms = rooms;
        this.zone = zone;
    }

    /** The stacks' year: readings kept, room-days out of norm, room-days that swung, thin room-days. */
    public ClimateYear year(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<String, RoomKind> kinds = rooms.all().stream().collect(Collectors.toMap(Room::code, Room::kind));
        Map<String, List<ClimateDay>> byRoom = readings.days(from, to).stream()
                .collect(Collectors.groupingBy(ClimateDay::room));
        long count = 0;
        long outOfRange = 0;
        long swings = 0;
        long thin = 0;
        for (Map.Entry<String, LocalDate> first : readings.firstDays().entrySet()) {
            List<ClimateDay> days = byRoom.getOrDefault(first.getKey(), List.of());
            RoomKind kind = kinds.get(first.getKey());
            count += days.stream().mapToLong(ClimateDay::readings).sum();
            outOfRange += days.stream().filter(d -> d.outOfNorm(kind)).count();
            swings += days.stream().filter(ClimateDay::swung).count();
            thin += thinDays(days, first.getValue(), from, to);
        }
        return new ClimateYear(year, count, outOfRange, swings, thin);
    }

    /** A room's year, month by month. */
    public YearReport report(Room room, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<ClimateDay> days = readings.days(room.code(), from, to);
        List<Alert> raised = alerts.ofRoom(room.code(), from, to);
        LocalDate first = readings.firstDays().get(room.code());
        List<MonthFigures> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            int month = m;
            LocalDate start = LocalDate.of(year, m, 1);
            months.add(figures(m, room.kind(), days.stream().filter(d -> d.day().getMonthValue() == month).toList(),
                    raised.stream().filter(a -> a.day().getMonthValue() == month).toList(), first, start,
                    start.plusMonths(1).minusDays(1)));
        }
        return new YearReport(room, year, months, figures(0, room.kind(), days, raised, first, from, to));
    }

    private MonthFigures figures(int month, RoomKind kind, List<ClimateDay> days, List<Alert> raised, LocalDate first,
            LocalDate from, LocalDate to) {
        long n = days.stream().mapToLong(ClimateDay::readings).sum();
        BigDecimal sumT = days.stream().map(ClimateDay::sumTemperature).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sumH = days.stream().map(ClimateDay::sumHumidity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MonthFigures(month,
                days.stream().map(ClimateDay::minTemperature).min(BigDecimal::compareTo).orElse(null),
                days.stream().map(ClimateDay::maxTemperature).max(BigDecimal::compareTo).orElse(null),
                n == 0 ? null : sumT.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP),
                days.stream().map(ClimateDay::minHumidity).min(BigDecimal::compareTo).orElse(null),
                days.stream().map(ClimateDay::maxHumidity).max(BigDecimal::compareTo).orElse(null),
                n == 0 ? null : sumH.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP),
                n, days.stream().filter(d -> d.outOfNorm(kind)).count(), days.stream().filter(ClimateDay::swung).count(),
                first == null ? 0 : thinDays(days, first, from, to), count(raised, AlertKind.OUT_OF_RANGE),
                count(raised, AlertKind.SWING), count(raised, AlertKind.THIN_DAY));
    }

    private static long count(List<Alert> raised, AlertKind kind) {
        Predicate<Alert> ofKind = a -> a.kind() == kind;
        return raised.stream().filter(ofKind).count();
    }

    /** The finished days of the range, from the start of the watch on, with fewer than two readings. */
    private long thinDays(List<ClimateDay> days, LocalDate first, LocalDate from, LocalDate to) {
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        LocalDate start = first.isAfter(from) ? first : from;
        LocalDate end = yesterday.isBefore(to) ? yesterday : to;
        if (start.isAfter(end)) {
            return 0;
        }
        long watched = days.stream().filter(d -> !d.day().isBefore(start) && !d.day().isAfter(end) && !d.thin())
                .count();
        return ChronoUnit.DAYS.between(start, end) + 1 - watched;
    }
}
