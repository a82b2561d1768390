package cn.lantai.stacks.internal.climate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.lantai.stacks.Room;
import cn.lantai.stacks.StacksProblem;
import cn.lantai.stacks.internal.RoomStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path every reading takes into the store, by hand, HTTP or MQTT: each reading checked (a room, a moment no
 * more than {@link #CLOCK_SKEW} ahead and no more than {@link #OLDEST} back, −40…80 ℃, 0…100 % RH), the whole batch
 * refused if one is bad (nothing half written), readings already kept for the same sensor and moment skipped (sent
 * twice, counted once), the rest inserted in batches with the room's daily rollup widened and its alerts raised: a
 * reading outside the room kind's norm, a day whose readings spread beyond ±2 ℃ / ±5 % RH. Rooms are locked in code
 * order, so concurrent batches of one room queue rather than race.
 */
@Component
public class ReadingIntake {

    /** The most readings one call may carry. */
    public static final int MAX_BATCH = 1000;
    /** How far ahead of the server's clock a sensor's clock may run. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The oldest reading taken: a year back; older ones are refused, never kept. */
    public static final Duration OLDEST = Duration.ofDays(366);
    public static final BigDecimal MIN_TEMPERATURE = BigDecimal.valueOf(-40);
    public static final BigDecimal MAX_TEMPERATURE = BigDecimal.valueOf(80);
    public static final BigDecimal MIN_HUMIDITY = BigDecimal.ZERO;
    public static final BigDecimal MAX_HUMIDITY = BigDecimal.valueOf(100);

    private final ReadingStore readings;
    private final AlertStore alerts;
    private final RoomStore rooms;
    private final ZoneId zone;
    private final Clock clock;

    ReadingIntake(ReadingStore readings, AlertStore alerts, RoomStore rooms,
            @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.readings = readings;
        this.alerts = alerts;
        this.rooms = rooms;
        this.zone = zone;
        this.clock = Clock.systemUTC();
    }

    /**
     * Keeps a sensor's readings: each must name the sensor itself and its own room.
     *
     * @throws StacksProblem 422 for a bad reading or batch, 404 {@code stacks.reading.unknown-room}, 403
     *         {@code stacks.reading.other-room} or {@code stacks.reading.other-sensor}
     */
    @Transactional
    public Intake fromSensor(Sensor sensor, List<ReadingInput> batch) {
        List<Reading> checked = check(batch);
        for (int i = 0; i < checked.size(); i++) {
            Reading r = checked.get(i);
            if (!r.sensor().equals(sensor.code())) {
                throw new StacksProblem(403, "stacks.reading.other-sensor", i + 1, r.sensor());
            }
            if (!r.room().equals(sensor.room())) {
                if (rooms.find(r.room()).isEmpty()) {
                    throw new StacksProblem(404, "stacks.reading.unknown-room", i + 1, r.room());
                }
                throw new StacksProblem(403, "stacks.reading.other-room", i + 1, r.room());
            }
        }
        return keep(checked, null);
    }

    /**
     * Keeps readings a person entered (sensor {@code manual}); the caller has checked the person's right.
     *
     * @throws StacksProblem 422 for a bad reading, 404 {@code stacks.reading.unknown-room}
     */
    @Transactional
    public Intake byHand(List<ReadingInput> batch, String person) {
        List<ReadingInput> manual = batch.stream()
                .map(r -> new ReadingInput(r.room(), Sensors.MANUAL, r.at(), r.temperature(), r.humidity())).toList();
        return keep(check(manual), person);
    }

    private List<Reading> check(List<ReadingInput> batch) {
        if (batch.isEmpty()) {
            throw new StacksProblem(422, "stacks.reading.none");
        }
        if (batch.size() > MAX_BATCH) {
            throw new StacksProblem(422, "stacks.reading.too-many", MAX_BATCH);
        }
        Instant now = clock.instant();
        List<Reading> checked = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            checked.add(check(batch.get(i), i + 1, now));
        }
        return checked;
    }

    private static Reading check(ReadingInput r, int n, Instant now) {
        if (r == null) {
            throw new StacksProblem(422, "stacks.reading.not-an-object", n);
        }
        if (r.room() == null || r.room().isBlank()) {
            throw new StacksProblem(422, "stacks.reading.no-room", n);
        }
        if (r.sensor() == null || r.sensor().isBlank()) {
            throw new StacksProblem(422, "stacks.reading.no-sensor", n);
        }
        if (r.at() == null) {
            throw new StacksProblem(422, "stacks.reading.bad-at", n);
        }
        if (r.at().isAfter(now.plus(CLOCK_SKEW))) {
            throw new StacksProblem(422, "stacks.reading.future", n, r.at(), CLOCK_SKEW.toMinutes());
        }
        if (r.at().isBefore(now.minus(OLDEST))) {
            throw new StacksProblem(422, "stacks.reading.too-old", n, r.at());
        }
        if (r.temperature() == null || r.temperature().compareTo(MIN_TEMPERATURE) < 0
                || r.temperature().compareTo(MAX_TEMPERATURE) > 0) {
            throw new StacksProblem(422, "stacks.reading.bad-temperature", n, MIN_TEMPERATURE, MAX_TEMPERATURE);
        }
        if (r.humidity() == null || r.humidity().compareTo(MIN_HUMIDITY) < 0
                || r.humidity().compareTo(MAX_HUMIDITY) > 0) {
            throw new StacksProblem(422, "stacks.reading.bad-humidity", n, MIN_HUMIDITY, MAX_HUMIDITY);
        }
        // kept to the second and to 0.01 ℃ / % RH, as the columns hold them
        return new Reading(r.room().strip(), r.sensor().strip(), r.at().truncatedTo(ChronoUnit.SECONDS),
                r.temperature().setScale(2, RoundingMode.HALF_UP), r.humidity().setScale(2, RoundingMode.HALF_UP));
    }

    private Intake keep(List<Reading> checked, String person) {
        Map<String, List<Reading>> byRoom = new TreeMap<>();
        for (Reading r : checked) {
            byRoom.computeIfAbsent(r.room(), k -> new ArrayList<>()).add(r);
        }
        for (String room : byRoom.keySet()) {
            if (!readings.lockRoom(room)) {
                int n = checked.indexOf(byRoom.get(room).get(0)) + 1;
                throw new StacksProblem(404, "stacks.reading.unknown-room", n, room);
            }
        }
        int stored = 0;
        Instant now = clock.instant();
        for (Map.Entry<String, List<Reading>> e : byRoom.entrySet()) {
            List<Reading> fresh = fresh(e.getKey(), e.getValue());
            stored += fresh.size();
            if (!fresh.isEmpty()) {
                store(rooms.find(e.getKey()).orElseThrow(), fresh, person, now);
            }
        }
        return new Intake(stored, checked.size() - stored);
    }

    /** The readings not yet kept: duplicates within the batch and readings kept before dropped. */
    private List<Reading> fresh(String room, List<Reading> batch) {
        Map<String, Reading> once = new LinkedHashMap<>();
        for (Reading r : batch) {
            once.putIfAbsent(r.sensor() + "\n" + r.at(), r);
        }
        Map<String, List<Reading>> bySensor = new HashMap<>();
        once.values().forEach(r -> bySensor.computeIfAbsent(r.sensor(), k -> new ArrayList<>()).add(r));
        List<Reading> fresh = new ArrayList<>();
        for (Map.Entry<String, List<Reading>> e : bySensor.entrySet()) {
            Instant from = e.getValue().stream().map(Reading::at).min(Comparator.naturalOrder()).orElseThrow();
            Instant to = e.getValue().stream().map(Reading::at).max(Comparator.naturalOrder()).orElseThrow();
            Set<LocalDateTime> kept = readings.kept(room, e.getKey(), from, to);
            e.getValue().stream().filter(r -> !kept.contains(LocalDateTime.ofInstant(r.at(), ZoneOffset.UTC)))
                    .forEach(fresh::add);
        }
        return fresh;
    }

    private void store(Room room, List<Reading> fresh, String person, Instant now) {
        Map<Reading, LocalDate> days = new HashMap<>();
        Map<LocalDate, List<Reading>> byDay = new TreeMap<>();
        for (Reading r : fresh) {
            LocalDate day = LocalDate.ofInstant(r.at(), zone);
            days.put(r, day);
            byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(r);
        }
        readings.insert(fresh, days, person, now);
        for (Map.Entry<LocalDate, List<Reading>> e : byDay.entrySet()) {
            readings.addToDay(rollup(room.code(), e.getKey(), e.getValue()));
            e.getValue().stream()
                    .filter(r -> !room.kind().temperatureWithin(r.temperature())
                            || !room.kind().humidityWithin(r.humidity()))
                    .findFirst()
                    .ifPresent(r -> alerts.raise(room.code(), AlertKind.OUT_OF_RANGE, e.getKey(),
                            r.at() + " " + r.temperature() + " ℃ " + r.humidity() + " % (" + r.sensor() + ")", now));
            ClimateDay day = readings.day(room.code(), e.getKey()).orElseThrow();
            if (day.swung()) {
                alerts.raise(room.code(), AlertKind.SWING, e.getKey(), day.minTemperature() + "–"
                        + day.maxTemperature() + " ℃ " + day.minHumidity() + "–" + day.maxHumidity() + " %", now);
            }
        }
    }

    private static ClimateDay rollup(String room, LocalDate day, List<Reading> rs) {
        BigDecimal minT = rs.get(0).temperature();
        BigDecimal maxT = minT;
        BigDecimal minH = rs.get(0).humidity();
        BigDecimal maxH = minH;
        BigDecimal sumT = BigDecimal.ZERO;
        BigDecimal sumH = BigDecimal.ZERO;
        for (Reading r : rs) {
            minT = minT.min(r.temperature());
            maxT = maxT.max(r.temperature());
            minH = minH.min(r.humidity());
            maxH = maxH.max(r.humidity());
            sumT = sumT.add(r.temperature());
            sumH = sumH.add(r.humidity());
        }
        return new ClimateDay(room, day, minT, maxT, sumT, minH, maxH, sumH, rs.size());
    }

    /** The archive's zone, in which a reading's day is decided. */
    public ZoneId zone() {
        return zone;
    }
}
