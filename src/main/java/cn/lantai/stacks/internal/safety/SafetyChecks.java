package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.StacksProblem;
import cn.lantai.stacks.internal.RoomStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly safety checks of the stacks (每季度馆藏档案安全大检查), kept by the stacks staff ({@code MANAGE_STACKS}):
 * the checklist of the eight protections (points added and retired), one check per quarter answering every point in
 * use, and each finding tracked by its fix and closure until closed. Every change is audited; a refused one writes
 * nothing.
 */
@Service
@PreAuthorize("hasAuthority('MANAGE_STACKS')")
public class SafetyChecks {

    public static final int MAX_POINT = 200;
    public static final int MAX_INSPECTORS = 200;
    public static final int MAX_NOTE = 500;
    public static final int MAX_PERSON = 100;
    /** The first year a check may be entered for (older paper ledgers are not entered). */
    public static final int FIRST_YEAR = 1949;
    /** How many years ahead a fix may be due at the latest. */
    public static final int MAX_FIX_YEARS = 5;

    private final CheckStore store;
    private final RoomStore rooms;
    private final SafetyCalendar calendar;
    private final AuditTrail trail;

    SafetyChecks(CheckStore store, RoomStore rooms, SafetyCalendar calendar, AuditTrail trail) {
        this.store = store;
        this.rooms = rooms;
        this.calendar = calendar;
        this.trail = trail;
    }

    /** Every point of the checklist, retired ones too, in the order they were added. */
    public List<ChecklistPoint> points() {
        return store.points();
    }

    /** The points in use, by protection in the order of the eight. */
    public Map<Protection, List<ChecklistPoint>> checklist() {
        Map<Protection, List<ChecklistPoint>> byProtection = new EnumMap<>(Protection.class);
        for (Protection p : Protection.values()) {
            byProtection.put(p, new ArrayList<>());
        }
        store.points().stream().filter(ChecklistPoint::active).forEach(p -> byProtection.get(p.protection()).add(p));
        return byProtection;
    }

    /** Adds a point to a protection's checklist. @throws StacksProblem 422 on no protection or a bad text */
    @Transactional
    public void addPoint(Protection protection, String text, Viewer viewer) {
        if (protection == null) {
            throw new StacksProblem(422, "stacks.safety.protection.unknown");
        }
        String kept = Texts.required(text, MAX_POINT, "stacks.safety.point.bad-text");
        store.addPoint(protection, kept);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.safety.point.add",
                "protection:" + protection, null, kept));
    }

    /** Retires a point: no longer asked; the checks that answered it keep it. */
    @Transactional
    public void retirePoint(long id, Viewer viewer) {
        ChecklistPoint point = store.point(id)
                .orElseThrow(() -> new StacksProblem(404, "stacks.safety.point.not-found"));
        if (!point.active()) {
            throw new StacksProblem(409, "stacks.safety.point.retired");
        }
        store.retirePoint(id, calendar.today());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.safety.point.retire", "point:" + id,
                point.text(), null));
    }

    /**
     * Records the check of a quarter: done on a day from the quarter's first to today, by named inspectors, covering
     * known rooms, every point in use answered once, each finding with its note.
     *
     * @throws StacksProblem 422 {@code stacks.safety.check.bad-quarter}, {@code .future}, {@code .bad-date},
     *         {@code .bad-inspectors}, {@code .no-rooms}, {@code stacks.safety.room.unknown},
     *         {@code stacks.safety.check.unanswered}, {@code .bad-point}, {@code stacks.safety.finding.blank},
     *         {@code stacks.safety.note.bad}, {@code stacks.safety.finding.room-not-covered}; 409
     *         {@code stacks.safety.check.exists}
     */
    @Transactional
    public long record(NewCheck check, Viewer viewer) {
        LocalDate today = calendar.today();
        if (check.quarter() < 1 || check.quarter() > 4 || check.year() < FIRST_YEAR || check.year() > 9999) {
            throw new StacksProblem(422, "stacks.safety.check.bad-quarter", FIRST_YEAR);
        }
        LocalDate start = SafetyCalendar.quarterStart(check.year(), check.quarter());
        if (start.isAfter(today)) {
            throw new StacksProblem(422, "stacks.safety.check.future", check.year(), check.quarter());
        }
        if (check.doneOn() == null || check.doneOn().isBefore(start) || check.doneOn().isAfter(today)) {
            throw new StacksProblem(422, "stacks.safety.check.bad-date", start, today);
        }
        String inspectors = Texts.required(check.inspectors(), MAX_INSPECTORS, "stacks.safety.check.bad-inspectors");
        Set<String> covered = knownRooms(check.rooms());
        List<Answer> answers = answers(check.answers(), covered);
        if (store.checkExists(check.year(), check.quarter())) {
            throw new StacksProblem(409, "stacks.safety.check.exists", check.year(), check.quarter());
        }
        NewCheck kept = new NewCheck(check.year(), check.quarter(), check.doneOn(), inspectors, List.copyOf(covered),
                answers);
        long id;
        try {
            id = store.insertCheck(kept, viewer.name());
        } catch (DuplicateKeyException e) {
            throw new StacksProblem(409, "stacks.safety.check.exists", check.year(), check.quarter());
        }
        long findings = answers.stream().filter(Answer::finding).count();
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.safety.check.record", "check:" + id,
                null, check.year() + "Q" + check.quarter() + " done=" + check.doneOn() + " inspectors=" + inspectors
                        + " rooms=" + String.join(",", covered) + " points=" + answers.size() + " findings="
                        + findings));
        return id;
    }

    private Set<String> knownRooms(List<String> codes) {
        Set<String> covered = new LinkedHashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            if (code != null && !code.isBlank()) {
                covered.add(code.strip());
            }
        }
        if (covered.isEmpty()) {
            throw new StacksProblem(422, "stacks.safety.check.no-rooms");
        }
        for (String code : covered) {
            if (code.length() > 16 || rooms.find(code).isEmpty()) {
                throw new StacksProblem(422, "stacks.safety.room.unknown", code.length() > 16 ? code.substring(0, 16)
                        : code);
            }
        }
        return covered;
    }

    private List<Answer> answers(List<Answer> given, Set<String> covered) {
        Map<Long, ChecklistPoint> active = store.points().stream().filter(ChecklistPoint::active)
                .collect(Collectors.toMap(ChecklistPoint::id, p -> p));
        Map<Long, Answer> byPoint = new HashMap<>();
        for (Answer a : given == null ? List.<Answer>of() : given) {
            if (!active.containsKey(a.pointId()) || byPoint.containsKey(a.pointId())) {
                throw new StacksProblem(422, "stacks.safety.check.bad-point", a.pointId());
            }
            String note = Texts.optional(a.note(), MAX_NOTE, "stacks.safety.note.bad");
            if (a.finding() && note == null) {
                throw new StacksProblem(422, "stacks.safety.finding.blank", active.get(a.pointId()).text());
            }
            String room = a.room() == null || a.room().isBlank() ? null : a.room().strip();
            if (room != null && !covered.contains(room)) {
                throw new StacksProblem(422, "stacks.safety.finding.room-not-covered", room.length() > 16
                        ? room.substring(0, 16) : room);
            }
            byPoint.put(a.pointId(), new Answer(a.pointId(), a.finding(), note, a.finding() ? room : null));
        }
        for (ChecklistPoint p : active.values()) {
            if (!byPoint.containsKey(p.id())) {
                throw new StacksProblem(422, "stacks.safety.check.unanswered", p.text());
            }
        }
        return byPoint.values().stream().sorted(Comparator.comparingLong(Answer::pointId)).toList();
    }

    /** The four quarters of a year as of a day: each done (with its check), due, overdue or still to come. */
    public List<QuarterState> quarters(int year, LocalDate today) {
        Map<Integer, SafetyCheck> done = store.checks(year).stream()
                .collect(Collectors.toMap(SafetyCheck::quarter, c -> c));
        List<QuarterState> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            LocalDate start = SafetyCalendar.quarterStart(year, q);
            LocalDate end = SafetyCalendar.quarterEnd(year, q);
            QuarterState.State state = done.containsKey(q) ? QuarterState.State.DONE
                    : end.isBefore(today) ? QuarterState.State.OVERDUE
                    : start.isAfter(today) ? QuarterState.State.FUTURE : QuarterState.State.DUE;
            quarters.add(new QuarterState(year, q, end, state, done.get(q)));
        }
        return quarters;
    }

    public List<SafetyCheck> checks(int year) {
        return store.checks(year);
    }

    public SafetyCheck check(long id) {
        return store.check(id).orElseThrow(() -> new StacksProblem(404, "stacks.safety.check.not-found"));
    }

    /** A check's answers by point. */
    public Map<Long, Answer> answers(long checkId) {
        return store.answers(checkId);
    }

    /** The findings of a year's checks. */
    public List<Finding> findings(int year) {
        return store.findings(year);
    }

    /** Every finding still open, whatever its year: listed until closed. */
    public List<Finding> openFindings() {
        return store.openFindings();
    }

    /**
     * Records (or corrects) the fix of an open finding: who is responsible, what is done, by which day.
     *
     * @throws StacksProblem 404 {@code stacks.safety.finding.not-found}; 409 {@code .closed}; 422
     *         {@code stacks.safety.fix.bad-by}, {@code .bad-action}, {@code .bad-due}, {@code .due-too-far}
     */
    @Transactional
    public void fix(long findingId, String by, String action, LocalDate due, Viewer viewer) {
        Finding f = open(findingId);
        String who = Texts.required(by, MAX_PERSON, "stacks.safety.fix.bad-by");
        String what = Texts.required(action, MAX_NOTE, "stacks.safety.fix.bad-action");
        if (due == null || due.isBefore(f.foundOn())) {
            throw new StacksProblem(422, "stacks.safety.fix.bad-due", f.foundOn());
        }
        LocalDate latest = calendar.today().plusYears(MAX_FIX_YEARS);
        if (due.isAfter(latest)) {
            throw new StacksProblem(422, "stacks.safety.fix.due-too-far", latest);
        }
        store.fix(findingId, who, what, due);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.safety.finding.fix",
                "finding:" + findingId, f.fixed() ? f.fixBy() + ": " + f.fixAction() + " by " + f.fixDue() : null,
                who + ": " + what + " by " + due));
    }

    /**
     * Closes a fixed finding on a day from the finding's day to today.
     *
     * @throws StacksProblem 404 {@code stacks.safety.finding.not-found}; 409 {@code .closed}; 422
     *         {@code stacks.safety.close.no-fix}, {@code .before-finding}, {@code .future}, {@code .bad-by},
     *         {@code stacks.safety.note.bad}
     */
    @Transactional
    public void close(long findingId, LocalDate on, String by, String note, Viewer viewer) {
        Finding f = open(findingId);
        if (!f.fixed()) {
            throw new StacksProblem(422, "stacks.safety.close.no-fix");
        }
        if (on == null || on.isBefore(f.foundOn())) {
            throw new StacksProblem(422, "stacks.safety.close.before-finding", f.foundOn());
        }
        if (on.isAfter(calendar.today())) {
            throw new StacksProblem(422, "stacks.safety.close.future");
        }
        String who = Texts.required(by, MAX_PERSON, "stacks.safety.close.bad-by");
        String kept = Texts.optional(note, MAX_NOTE, "stacks.safety.note.bad");
        store.close(findingId, on, who, kept);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.safety.finding.close",
                "finding:" + findingId, null, "closed=" + on + " by=" + who + (kept == null ? "" : " note=" + kept)));
    }

    private Finding open(long id) {
        Finding f = store.finding(id).orElseThrow(() -> new StacksProblem(404, "stacks.safety.finding.not-found"));
        if (!f.open()) {
            throw new StacksProblem(409, "stacks.safety.finding.closed");
        }
        return f;
    }
}
