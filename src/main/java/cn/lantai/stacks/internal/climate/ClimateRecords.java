package cn.lantai.stacks.internal.climate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.lantai.stacks.StacksProblem;
import org.springframework.stereotype.Component;

/** What the climate pages read and the one change they make to the alerts; the caller checks the person's right. */
@Component
public class ClimateRecords {

    private static final int RECENT_ALERTS = 50;
    /** The most open alerts listed at once: the rest wait until those are acknowledged. */
    public static final int OPEN_SHOWN = 200;

    private final ReadingStore readings;
    private final AlertStore alerts;

    ClimateRecords(ReadingStore readings, AlertStore alerts) {
        this.readings = readings;
        this.alerts = alerts;
    }

    /** The open alerts shown, newest day first: the first {@link #OPEN_SHOWN}. */
    public List<Alert> open() {
        return alerts.open(OPEN_SHOWN);
    }

    /** How many alerts each room has open (rooms without any left out). */
    public Map<String, Long> openByRoom() {
        return alerts.openByRoom();
    }

    public List<Alert> ofRoom(String room) {
        return alerts.ofRoom(room, RECENT_ALERTS);
    }

    public Optional<Reading> latest(String room) {
        return readings.latest(room);
    }

    public List<Reading> readings(String room, Instant from, Instant to) {
        return readings.readings(room, from, to);
    }

    public List<ClimateDay> days(String room, LocalDate from, LocalDate to) {
        return readings.days(room, from, to);
    }

    /**
     * Marks an open alert seen by the person.
     *
     * @throws StacksProblem 404 {@code stacks.climate.unknown-alert}, 409 {@code stacks.climate.acknowledged}
     */
    public Alert acknowledge(long id, String person) {
        Alert alert = alerts.find(id).orElseThrow(() -> new StacksProblem(404, "stacks.climate.unknown-alert", id));
        if (!alerts.acknowledge(id, person, Instant.now())) {
            throw new StacksProblem(409, "stacks.climate.acknowledged", id);
        }
        return alert;
    }
}
