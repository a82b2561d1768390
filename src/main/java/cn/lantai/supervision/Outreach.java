package cn.lantai.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.identity.UnitProfile;
import cn.lantai.supervision.internal.Inputs;
import cn.lantai.supervision.internal.outreach.OutreachRows;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bureau's guidance, training and publicity (inspectors, {@code INSPECT}): guidance visits (业务指导) to units and
 * to families, villages and communities building archives, training sessions (培训) with their attendees, and
 * publicity events (宣传活动: 6·9 International Archives Day, 12·4 Constitution Day, others). Each is recorded once held
 * (its day not after today in the archive's calendar, not before 1980) and audited; the lists run by year.
 */
@Service
public class Outreach {

    public static final int MAX_TITLE = 200;
    public static final int MAX_NAME = 100;
    public static final int MAX_STAFF = 200;
    public static final int MAX_NOTE = 1000;
    public static final int MAX_ATTENDEE = 50;
    public static final int MAX_ATTENDEES = 500;
    public static final BigDecimal MAX_HOURS = new BigDecimal("1000");
    public static final int MAX_PARTICIPANTS = 1_000_000;

    private final UnitDirectory directory;
    private final OutreachRows rows;
    private final Inputs inputs;
    private final AuditTrail trail;

    Outreach(UnitDirectory directory, OutreachRows rows, Inputs inputs, AuditTrail trail) {
        this.directory = directory;
        this.rows = rows;
        this.inputs = inputs;
        this.trail = trail;
    }

    /**
     * Records a guidance visit: to a unit (its code; the kind is then {@link GuidanceKind#UNIT}), or to a family,
     * village or community named freely.
     *
     * @throws SupervisionProblem 404 {@code supervision.unit.unknown}; 422 {@code supervision.outreach.bad-day},
     *         {@code supervision.guidance.bad-place}, {@code bad-topic}, {@code bad-staff}, {@code bad-note}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public GuidanceVisit addGuidance(GuidanceVisit given, Viewer viewer) {
        LocalDate day = inputs.day(given.visitedOn(), inputs.today(), "supervision.outreach.bad-day");
        GuidanceKind kind = given.kind() == null ? GuidanceKind.UNIT : given.kind();
        String unit = null;
        String place = null;
        if (kind == GuidanceKind.UNIT) {
            unit = knownUnit(given.unitCode()).code();
        } else {
            place = Inputs.required(given.placeName(), MAX_NAME, "supervision.guidance.bad-place");
        }
        GuidanceVisit visit = new GuidanceVisit(0, day, kind, unit, place,
                Inputs.required(given.topic(), MAX_TITLE, "supervision.guidance.bad-topic"),
                Inputs.required(given.staff(), MAX_STAFF, "supervision.guidance.bad-staff"),
                Inputs.optional(given.note(), MAX_NOTE, "supervision.outreach.bad-note"));
        long id = rows.addGuidance(visit, viewer.name());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "supervision.guidance.add", "guidance:" + id,
                null, "day=" + day + " kind=" + kind + " to=" + (unit != null ? unit : place) + " topic="
                        + visit.topic()));
        return new GuidanceVisit(id, day, kind, unit, place, visit.topic(), visit.staff(), visit.note());
    }

    /**
     * Records a training session with its attendees (at most {@link #MAX_ATTENDEES}); an attendee's unit, when given,
     * is a unit's code or its exact name and is kept as the code.
     *
     * @throws SupervisionProblem 422 {@code supervision.outreach.bad-day}, {@code supervision.training.bad-title},
     *         {@code bad-hours}, {@code bad-trainer}, {@code too-many-attendees}, {@code bad-attendee},
     *         {@code unknown-attendee-unit}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public Training addTraining(Training given, Viewer viewer) {
        LocalDate day = inputs.day(given.heldOn(), inputs.today(), "supervision.outreach.bad-day");
        String title = Inputs.required(given.title(), MAX_TITLE, "supervision.training.bad-title");
        BigDecimal hours = given.hours();
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.scale() > 1) {
            throw new SupervisionProblem(422, "supervision.training.bad-hours", MAX_HOURS);
        }
        String trainer = Inputs.required(given.trainer(), MAX_NAME, "supervision.training.bad-trainer");
        if (given.attendees().size() > MAX_ATTENDEES) {
            throw new SupervisionProblem(422, "supervision.training.too-many-attendees", MAX_ATTENDEES);
        }
        List<UnitProfile> units = given.attendees().stream().anyMatch(a -> a.unitCode() != null)
                ? directory.units() : List.of();
        List<Attendee> attendees = new ArrayList<>();
        for (Attendee a : given.attendees()) {
            String name = Inputs.required(a.name(), MAX_ATTENDEE, "supervision.training.bad-attendee");
            String unit = Inputs.optional(a.unitCode(), MAX_NAME, "supervision.training.bad-attendee");
            attendees.add(new Attendee(name, unit == null ? null : units.stream()
                    .filter(u -> u.code().equals(unit) || u.name().equals(unit)).map(UnitProfile::code).findFirst()
                    .orElseThrow(() -> new SupervisionProblem(422, "supervision.training.unknown-attendee-unit",
                            unit))));
        }
        Training training = new Training(0, day, title, hours, trainer, attendees);
        long id = rows.addTraining(training, viewer.name());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "supervision.training.add", "training:" + id,
                null, "day=" + day + " title=" + title + " hours=" + hours + " trainees=" + attendees.size()));
        return new Training(id, day, title, hours, trainer, attendees);
    }

    /**
     * Records a publicity event.
     *
     * @throws SupervisionProblem 422 {@code supervision.outreach.bad-day}, {@code supervision.publicity.bad-kind},
     *         {@code bad-title}, {@code bad-place}, {@code bad-participants}, {@code supervision.outreach.bad-note}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public PublicityEvent addPublicity(PublicityEvent given, Viewer viewer) {
        LocalDate day = inputs.day(given.heldOn(), inputs.today(), "supervision.outreach.bad-day");
        if (given.kind() == null) {
            throw new SupervisionProblem(422, "supervision.publicity.bad-kind");
        }
        if (given.participants() < 0 || given.participants() > MAX_PARTICIPANTS) {
            throw new SupervisionProblem(422, "supervision.publicity.bad-participants", MAX_PARTICIPANTS);
        }
        PublicityEvent event = new PublicityEvent(0, day, given.kind(),
                Inputs.required(given.title(), MAX_TITLE, "supervision.publicity.bad-title"),
                Inputs.optional(given.place(), MAX_TITLE, "supervision.publicity.bad-place"), given.participants(),
                Inputs.optional(given.note(), MAX_NOTE, "supervision.outreach.bad-note"));
        long id = rows.addPublicity(event, viewer.name());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "supervision.publicity.add", "publicity:" + id,
                null, "day=" + day + " kind=" + event.kind() + " title=" + event.title() + " participants="
                        + event.participants()));
        return new PublicityEvent(id, day, event.kind(), event.title(), event.place(), event.participants(),
                event.note());
    }

    /** The year's guidance visits, newest first. */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<GuidanceVisit> guidance(int year) {
        return rows.guidance(first(year), LocalDate.of(year, 12, 31));
    }

    /** The year's training sessions with their attendees, newest first. */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<Training> trainings(int year) {
        return rows.trainings(first(year), LocalDate.of(year, 12, 31));
    }

    /** The year's publicity events, newest first. */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<PublicityEvent> publicity(int year) {
        return rows.publicity(first(year), LocalDate.of(year, 12, 31));
    }

    /**
     * Reads a list of attendees as people type it: one a line, the name, then optionally a comma (或，、tab) and the
     * unit's code or name; blank lines skipped.
     *
     * @throws SupervisionProblem 422 {@code supervision.training.too-many-attendees} past {@link #MAX_ATTENDEES}
     */
    public static List<Attendee> attendees(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Attendee> attendees = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (attendees.size() == MAX_ATTENDEES) {
                throw new SupervisionProblem(422, "supervision.training.too-many-attendees", MAX_ATTENDEES);
            }
            String[] parts = line.split("[,，、\\t]", 2);
            attendees.add(new Attendee(parts[0], parts.length > 1 && !parts[1].isBlank() ? parts[1] : null));
        }
        return attendees;
    }

    /** The first day of a year the lists can show (1980 to next year). */
    private LocalDate first(int year) {
        if (year < Inputs.EARLIEST.getYear() || year > inputs.today().getYear() + 1) {
            throw new SupervisionProblem(422, "supervision.outreach.bad-year",
                    String.valueOf(Inputs.EARLIEST.getYear()), String.valueOf(inputs.today().getYear() + 1));
        }
        return LocalDate.of(year, 1, 1);
    }

    private UnitProfile knownUnit(String code) {
        Optional<UnitProfile> unit = directory.unit(code == null ? null : code.strip());
        return unit.orElseThrow(() -> new SupervisionProblem(404, "supervision.unit.unknown", code));
    }
}
