package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;
import java.util.List;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.RepellentDue;
import cn.lantai.stacks.StacksProblem;
import cn.lantai.stacks.internal.RoomStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stacks' logs of the eight protections beside the checks, kept by the stacks staff ({@code MANAGE_STACKS}): each
 * room's repellent changes with their schedule and reminders, and the incidents and near misses (事故/险情) until
 * closed. Every change is audited; a refused one writes nothing.
 */
@Service
@PreAuthorize("hasAuthority('MANAGE_STACKS')")
public class SafetyLog {

    public static final int MAX_AGENT = 100;
    public static final int MAX_PERSON = 100;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_LOSS = 500;
    public static final int MAX_MEASURES = 1000;

    private final LogStore store;
    private final RoomStore rooms;
    private final RepellentSchedule schedule;
    private final SafetyCalendar calendar;
    private final AuditTrail trail;

    SafetyLog(LogStore store, RoomStore rooms, RepellentSchedule schedule, SafetyCalendar calendar,
            AuditTrail trail) {
        this.store = store;
        this.rooms = rooms;
        this.schedule = schedule;
        this.calendar = calendar;
        this.trail = trail;
    }

    /**
     * Logs a room's repellent change on a day up to today.
     *
     * @throws StacksProblem 422 {@code stacks.safety.room.unknown}, {@code stacks.safety.repellent.bad-date},
     *         {@code .bad-agent}, {@code .bad-by}
     */
    @Transactional
    public long change(String room, LocalDate on, String agent, String by, Viewer viewer) {
        String code = known(room);
        if (on == null || on.isAfter(calendar.today()) || on.getYear() < SafetyChecks.FIRST_YEAR) {
            throw new StacksProblem(422, "stacks.safety.repellent.bad-date", calendar.today());
        }
        String product = Texts.required(agent, MAX_AGENT, "stacks.safety.repellent.bad-agent");
        String who = Texts.required(by, MAX_PERSON, "stacks.safety.repellent.bad-by");
        long id = store.insertChange(code, on, product, who);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.safety.repellent.change", "room:" + code,
                null, on + " " + product + " by " + who));
        return id;
    }

    /** The changes made in a year. */
    public List<RepellentChange> changes(int year) {
        return store.changes(year);
    }

    /** Every room's last change and next due day, as of that day. */
    public List<RepellentDue> schedule(LocalDate today) {
        return schedule.all(today);
    }

    /** The rooms due within 14 days or overdue, as of that day. */
    public List<RepellentDue> reminders(LocalDate today) {
        return schedule.reminders(today);
    }

    /**
     * Logs an incident or near miss on a day up to today.
     *
     * @throws StacksProblem 422 {@code stacks.safety.room.unknown}, {@code stacks.safety.protection.unknown},
     *         {@code stacks.safety.incident.bad-date}, {@code .bad-description}, {@code .bad-loss},
     *         {@code .bad-measures}
     */
    @Transactional
    public long log(NewIncident incident, Viewer viewer) {
        String code = known(incident.room());
        if (incident.protection() == null) {
            throw new StacksProblem(422, "stacks.safety.protection.unknown");
        }
        LocalDate on = incident.occurredOn();
        if (on == null || on.isAfter(calendar.today()) || on.getYear() < SafetyChecks.FIRST_YEAR) {
            throw new StacksProblem(422, "stacks.safety.incident.bad-date", calendar.today());
        }
        NewIncident kept = new NewIncident(on, code, incident.protection(),
                Texts.required(incident.description(), MAX_DESCRIPTION, "stacks.safety.incident.bad-description"),
                Texts.optional(incident.loss(), MAX_LOSS, "stacks.safety.incident.bad-loss"),
                Texts.optional(incident.measures(), MAX_MEASURES, "stacks.safety.incident.bad-measures"));
        long id = store.insertIncident(kept, viewer.name());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.safety.incident.log", "incident:" + id,
                null, on + " room=" + code + " protection=" + kept.protection() + " " + kept.description()));
        return id;
    }

    /**
     * Closes an incident on a day from its own to today.
     *
     * @throws StacksProblem 404 {@code stacks.safety.incident.not-found}; 409 {@code .closed}; 422
     *         {@code .bad-close}
     */
    @Transactional
    public void close(long id, LocalDate on, Viewer viewer) {
        Incident i = store.incident(id).orElseThrow(() -> new StacksProblem(404, "stacks.safety.incident.not-found"));
        if (i.closed()) {
            throw new StacksProblem(409, "stacks.safety.incident.closed");
        }
        if (on == null || on.isBefore(i.occurredOn()) || on.isAfter(calendar.today())) {
            throw new StacksProblem(422, "stacks.safety.incident.bad-close", i.occurredOn());
        }
        store.closeIncident(id, on);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.safety.incident.close",
                "incident:" + id, null, "closed=" + on));
    }

    /** The incidents of a year. */
    public List<Incident> incidents(int year) {
        return store.incidents(year);
    }

    private String known(String room) {
        String code = room == null ? "" : room.strip();
        if (code.isEmpty() || code.length() > 16 || rooms.find(code).isEmpty()) {
            throw new StacksProblem(422, "stacks.safety.room.unknown", code.length() > 16 ? code.substring(0, 16)
                    : code);
        }
        return code;
    }
}
