package cn.lantai.supervision;

import static cn.lantai.supervision.internal.inspections.InspectionInput.done;
import static cn.lantai.supervision.internal.inspections.InspectionInput.line;
import static cn.lantai.supervision.internal.inspections.InspectionInput.lines;
import static cn.lantai.supervision.internal.inspections.InspectionInput.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.identity.UnitProfile;
import cn.lantai.supervision.internal.inspections.InspectionStore;
import cn.lantai.supervision.internal.inspections.RectificationNotices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Law-enforcement inspections (执法检查) of the district's units, kept by the inspectors ({@code INSPECT}): planned,
 * notified at least one calendar month ahead, a team of at least three with enforcement cards (执法证), inspected on
 * site with findings, a rectification notice (整改通知书) with items and a deadline, the unit's reported fixes, their
 * acceptance (which closes the notice), the result published, and the follow-up review (回头看), whose unfixed items
 * may lead to a new notice. An inspection without findings goes straight to its published result. Each step has its
 * date (not in the future, in the archive's zone), who recorded it, and an audit entry; a step out of order is refused
 * with 409, bad input with 422, an unknown unit or inspection with 404, and nothing is half written.
 */
@Service
public class Inspections {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_ITEM = 500;
    public static final int MAX_ITEMS = 50;
    public static final int MAX_NAME = 50;
    public static final int MAX_CARD = 32;
    public static final int MIN_TEAM = 3;
    public static final int MAX_TEAM = 20;
    public static final int MAX_FIX = 1000;
    public static final int MAX_TEXT = 4000;
    /** How far ahead an inspection may be planned. */
    public static final int MAX_YEARS_AHEAD = 2;
    /** How far after its notice a rectification deadline may lie. */
    public static final int MAX_DEADLINE_YEARS = 5;
    /** How many published results the list shows. */
    public static final int MAX_PUBLISHED_SHOWN = 50;

    private final InspectionStore store;
    private final RectificationNotices notices;
    private final UnitDirectory units;
    private final AuditTrail trail;
    private final ZoneId zone;

    Inspections(InspectionStore store, RectificationNotices notices, UnitDirectory units, AuditTrail trail,
            @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.notices = notices;
        this.units = units;
        this.trail = trail;
        this.zone = zone;
    }

    /**
     * Plans an inspection of a unit on a date, with its subject and legal basis.
     *
     * @throws SupervisionProblem 404 {@code supervision.inspection.no-such-unit}; 422 {@code …bad-subject},
     *         {@code …bad-planned-date}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public long plan(String unitCode, LocalDate planned, String subject, Viewer viewer) {
        UnitProfile unit = unit(unitCode);
        String kept = line(subject, MAX_SUBJECT, "supervision.inspection.bad-subject");
        LocalDate today = today();
        if (planned == null || planned.getYear() < 2000 || planned.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new SupervisionProblem(422, "supervision.inspection.bad-planned-date", MAX_YEARS_AHEAD);
        }
        long id = store.insert(unit.code(), kept, planned);
        store.step(id, InspectionState.PLANNED, today, viewer.name());
        audit(viewer, "supervision.inspection.plan", id, "unit=" + unit.code() + " planned=" + planned
                + " subject=" + kept);
        return id;
    }

    /**
     * Records the inspection notice sent to the unit: at least one calendar month before the planned date (a notice
     * of 1 March allows 1 April, not 31 March).
     *
     * @throws SupervisionProblem 409 {@code …not-now.notify}; 422 {@code …notice-after-inspection},
     *         {@code …notice-too-late}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public void recordNotice(long id, LocalDate noticeOn, Viewer viewer) {
        Inspection inspection = expect(id, "notify", InspectionState.PLANNED);
        LocalDate on = done(noticeOn, today());
        if (on.isAfter(inspection.planned())) {
            throw new SupervisionProblem(422, "supervision.inspection.notice-after-inspection", on,
                    inspection.planned());
        }
        if (on.isAfter(inspection.planned().minusMonths(1))) {
            throw new SupervisionProblem(422, "supervision.inspection.notice-too-late", on, inspection.planned(),
                    inspection.planned().minusMonths(1));
        }
        advance(inspection, InspectionState.NOTIFIED, on, viewer);
        store.noticeOn(id, on);
        audit(viewer, "supervision.inspection.notify", id, "notice=" + on);
    }

    /**
     * Sets the inspection team: at least three inspectors, each with a name and an enforcement card number, no card
     * and no name twice.
     *
     * @throws SupervisionProblem 409 {@code …not-now.team}; 422 {@code …team-too-small}, {@code …team-too-large},
     *         {@code …bad-inspector-name}, {@code …bad-card}, {@code …team-duplicate}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public void setTeam(long id, LocalDate on, List<Inspector> team, Viewer viewer) {
        Inspection inspection = expect(id, "team", InspectionState.NOTIFIED);
        LocalDate day = after(done(on, today()), inspection.noticeOn(), "supervision.inspection.team-before-notice");
        if (team == null || team.size() < MIN_TEAM) {
            throw new SupervisionProblem(422, "supervision.inspection.team-too-small", MIN_TEAM);
        }
        if (team.size() > MAX_TEAM) {
            throw new SupervisionProblem(422, "supervision.inspection.team-too-large", MAX_TEAM);
        }
        List<Inspector> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Inspector given : team) {
            Inspector inspector = new Inspector(
                    line(given == null ? null : given.name(), MAX_NAME, "supervision.inspection.bad-inspector-name"),
                    line(given == null ? null : given.cardNumber(), MAX_CARD, "supervision.inspection.bad-card"));
            if (inspector.cardNumber().chars().anyMatch(Character::isWhitespace)) {
                throw new SupervisionProblem(422, "supervision.inspection.bad-card", MAX_CARD);
            }
            if (!seen.add("name:" + inspector.name())
                    || !seen.add("card:" + inspector.cardNumber().toUpperCase(Locale.ROOT))) {
                throw new SupervisionProblem(422, "supervision.inspection.team-duplicate", inspector.name(),
                        inspector.cardNumber());
            }
            kept.add(inspector);
        }
        advance(inspection, InspectionState.TEAM_SET, day, viewer);
        store.team(id, kept);
        audit(viewer, "supervision.inspection.team", id, String.join(", ",
                kept.stream().map(i -> i.name() + " " + i.cardNumber()).toList()));
    }

    /**
     * Records the inspection on site and its findings (none is a clean inspection): not before the notice and at
     * least a calendar month after it, not before the team was set.
     *
     * @throws SupervisionProblem 409 {@code …not-now.inspect}; 422 {@code …inspected-before-notice},
     *         {@code …inspected-within-month}, {@code …bad-finding}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public void inspect(long id, LocalDate on, List<String> findings, Viewer viewer) {
        Inspection inspection = expect(id, "inspect", InspectionState.TEAM_SET);
        LocalDate day = after(done(on, today()), inspection.noticeOn(),
                "supervision.inspection.inspected-before-notice");
        if (day.isBefore(inspection.noticeOn().plusMonths(1))) {
            throw new SupervisionProblem(422, "supervision.inspection.inspected-within-month", day,
                    inspection.noticeOn().plusMonths(1));
        }
        after(day, inspection.steps().get(inspection.steps().size() - 1).on(),
                "supervision.inspection.inspected-before-team");
        List<String> kept = findings == null || findings.isEmpty() ? List.of()
                : lines(findings, MAX_ITEMS, MAX_ITEM, "supervision.inspection.bad-finding");
        advance(inspection, InspectionState.INSPECTED, day, viewer);
        store.inspected(id, day, kept);
        audit(viewer, "supervision.inspection.inspect", id, "on=" + day + " findings=" + kept.size());
    }

    /**
     * Issues a rectification notice (整改通知书) after an inspection with findings, or after a follow-up review that
     * found items not fixed; numbered per year of issue.
     *
     * @return the notice number
     * @throws SupervisionProblem 409 {@code …not-now.rectify}; 422 {@code …deadline-before-notice},
     *         {@code …deadline-too-far}, {@code …rectify-before-inspection}, {@code …bad-item}; 409
     *         {@code …notice-number-taken} when another notice took the number meanwhile
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public String rectify(long id, LocalDate issuedOn, LocalDate deadline, List<String> items, Viewer viewer) {
        Inspection inspection = expect(id, "rectify", InspectionState.INSPECTED, InspectionState.REVIEWED);
        boolean again = inspection.state() == InspectionState.REVIEWED;
        if ((again && inspection.unfixedItems().isEmpty()) || (!again && inspection.findings().isEmpty())) {
            throw new SupervisionProblem(409, "supervision.inspection.not-now.rectify");
        }
        LocalDate since = again ? inspection.currentRectification().orElseThrow().reviewedOn()
                : inspection.inspectedOn();
        LocalDate on = after(done(issuedOn, today()), since, "supervision.inspection.rectify-before-inspection");
        if (deadline == null || !deadline.isAfter(on)) {
            throw new SupervisionProblem(422, "supervision.inspection.deadline-before-notice", deadline, on);
        }
        if (deadline.isAfter(on.plusYears(MAX_DEADLINE_YEARS))) {
            throw new SupervisionProblem(422, "supervision.inspection.deadline-too-far", deadline, on,
                    MAX_DEADLINE_YEARS);
        }
        List<String> kept = lines(items, MAX_ITEMS, MAX_ITEM, "supervision.inspection.bad-item");
        int round = inspection.rectifications().size() + 1;
        int seq = store.nextNoticeNumber(on.getYear());
        String number = notices.number(on.getYear(), seq);
        advance(inspection, InspectionState.RECTIFYING, on, viewer);
        try {
            store.rectification(id, round, on.getYear(), seq, number, on, deadline, kept);
        } catch (DuplicateKeyException numberTakenMeanwhile) {
            throw new SupervisionProblem(409, "supervision.inspection.notice-number-taken", number);
        }
        audit(viewer, "supervision.inspection.rectify", id, number + " deadline=" + deadline + " items="
                + kept.size());
        return number;
    }

    /**
     * Records the unit's report of its fixes: for each item of the notice, what was done and when, and the evidence.
     *
     * @throws SupervisionProblem 409 {@code …not-now.fixes}; 422 {@code …fixes-incomplete}, {@code …bad-fix},
     *         {@code …fix-date}, {@code …bad-evidence}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public void reportFixes(long id, LocalDate reportedOn, List<ItemFix> fixes, String evidence, Viewer viewer) {
        Inspection inspection = expect(id, "fixes", InspectionState.RECTIFYING);
        Rectification notice = inspection.currentRectification().orElseThrow();
        LocalDate on = after(done(reportedOn, today()), notice.issuedOn(), "supervision.inspection.fix-date");
        if (fixes == null || fixes.size() != notice.items().size()) {
            throw new SupervisionProblem(422, "supervision.inspection.fixes-incomplete", notice.items().size());
        }
        List<ItemFix> kept = new ArrayList<>();
        for (ItemFix fix : fixes) {
            String done = text(fix == null ? null : fix.done(), MAX_FIX, true, "supervision.inspection.bad-fix");
            LocalDate day = fix.on();
            if (day == null || day.isBefore(notice.issuedOn()) || day.isAfter(on)) {
                throw new SupervisionProblem(422, "supervision.inspection.fix-date", notice.issuedOn(), on);
            }
            kept.add(new ItemFix(done, day));
        }
        String proof = text(evidence, MAX_TEXT, false, "supervision.inspection.bad-evidence");
        advance(inspection, InspectionState.FIXES_REPORTED, on, viewer);
        store.fixes(notice.id(), on, proof, kept);
        audit(viewer, "supervision.inspection.fixes", id, notice.number() + " reported=" + on);
    }

    /**
     * Accepts the reported fixes, which closes the rectification notice.
     *
     * @throws SupervisionProblem 409 {@code …not-now.accept}; 422 {@code …accept-before-report}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public void acceptFixes(long id, LocalDate on, Viewer viewer) {
        Inspection inspection = expect(id, "accept", InspectionState.FIXES_REPORTED);
        Rectification notice = inspection.currentRectification().orElseThrow();
        LocalDate day = after(done(on, today()), notice.reportedOn(), "supervision.inspection.accept-before-report");
        advance(inspection, InspectionState.RECTIFIED, day, viewer);
        store.accepted(notice.id(), day);
        audit(viewer, "supervision.inspection.accept", id, notice.number() + " accepted=" + day);
    }

    /**
     * Publishes the inspection's result: after a clean inspection, or once the first rectification is closed.
     *
     * @throws SupervisionProblem 409 {@code …not-now.publish}; 422 {@code …publish-too-early}, {@code …bad-result}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public void publish(long id, LocalDate on, String result, Viewer viewer) {
        Inspection inspection = expect(id, "publish", InspectionState.INSPECTED, InspectionState.RECTIFIED);
        boolean clean = inspection.state() == InspectionState.INSPECTED;
        if ((clean && !inspection.findings().isEmpty()) || (!clean && inspection.publishedOn() != null)) {
            throw new SupervisionProblem(409, "supervision.inspection.not-now.publish");
        }
        LocalDate since = clean ? inspection.inspectedOn() : inspection.currentRectification().orElseThrow()
                .acceptedOn();
        LocalDate day = after(done(on, today()), since, "supervision.inspection.publish-too-early");
        String text = text(result, MAX_TEXT, true, "supervision.inspection.bad-result");
        advance(inspection, InspectionState.PUBLISHED, day, viewer);
        store.published(id, day, text);
        audit(viewer, "supervision.inspection.publish", id, "on=" + day);
    }

    /**
     * Records the follow-up review (回头看) of the latest notice: each item fixed or not fixed. Items not fixed may be
     * put into a new notice ({@link #rectify}).
     *
     * @throws SupervisionProblem 409 {@code …not-now.review}; 422 {@code …review-too-early}, {@code …outcomes}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public void review(long id, LocalDate on, List<ItemOutcome> outcomes, Viewer viewer) {
        Inspection inspection = expect(id, "review", InspectionState.PUBLISHED, InspectionState.RECTIFIED);
        Rectification notice = inspection.currentRectification()
                .orElseThrow(() -> new SupervisionProblem(409, "supervision.inspection.not-now.review"));
        if (inspection.publishedOn() == null || notice.reviewedOn() != null) {
            throw new SupervisionProblem(409, "supervision.inspection.not-now.review");
        }
        LocalDate since = notice.acceptedOn().isAfter(inspection.publishedOn()) ? notice.acceptedOn()
                : inspection.publishedOn();
        LocalDate day = after(done(on, today()), since, "supervision.inspection.review-too-early");
        if (outcomes == null || outcomes.size() != notice.items().size()
                || outcomes.stream().anyMatch(Objects::isNull)) {
            throw new SupervisionProblem(422, "supervision.inspection.outcomes", notice.items().size());
        }
        advance(inspection, InspectionState.REVIEWED, day, viewer);
        store.reviewed(notice.id(), day, outcomes);
        audit(viewer, "supervision.inspection.review", id, notice.number() + " " + outcomes);
    }

    /** The inspection, whole. @throws SupervisionProblem 404 {@code supervision.inspection.not-found} */
    @PreAuthorize("hasAuthority('INSPECT')")
    public Inspection inspection(long id) {
        return store.find(id).orElseThrow(() -> new SupervisionProblem(404, "supervision.inspection.not-found", id));
    }

    /** Every inspection, newest planned first. */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<InspectionSummary> all() {
        return store.summaries(null);
    }

    /** The latest published results (the list the inspections page shows), newest first. */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<PublishedResult> published() {
        return store.published(MAX_PUBLISHED_SHOWN);
    }

    /** The unit's inspections, newest first (the unit's page shows them). */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<InspectionSummary> ofUnit(String unitCode) {
        return unitCode == null ? List.of() : store.summaries(unitCode.strip());
    }

    /** The rectification notices past their deadline today (archive zone) without accepted fixes. */
    @PreAuthorize("hasAnyAuthority('INSPECT', 'READ_STATISTICS')")
    public List<OverdueRectification> overdue() {
        return overdueOn(today());
    }

    /** As {@link #overdue()}, on a given day (an alert run for a past day, a test). */
    @PreAuthorize("hasAnyAuthority('INSPECT', 'READ_STATISTICS')")
    public List<OverdueRectification> overdueOn(LocalDate day) {
        return store.overdue(day);
    }

    /**
     * The rectification notice of a round as its sealed PDF.
     *
     * @throws SupervisionProblem 404 {@code …not-found}; 503 {@code …pdf-unavailable}
     */
    @PreAuthorize("hasAuthority('INSPECT')")
    public byte[] noticePdf(long id, int round) {
        Inspection inspection = inspection(id);
        Rectification notice = inspection.rectifications().stream().filter(r -> r.round() == round).findFirst()
                .orElseThrow(() -> new SupervisionProblem(404, "supervision.inspection.not-found", id));
        String unitName = units.unit(inspection.unitCode()).map(UnitProfile::name).orElse(inspection.unitCode());
        return notices.pdf(inspection, notice, unitName);
    }

    /**
     * The year's figures (aggregates, no personal data); the caller decides who may read them. Inspections are those
     * done on site in the year; notices those issued in it, with their items and how many of them were accepted by
     * the year's end; overdue are all notices past their deadline and not accepted at the year's end, whenever issued
     * (in the current year, reported so far: today, as {@link #overdue()} counts them, not a deadline still ahead).
     */
    public InspectionYear year(int year) {
        return year(year, today());
    }

    /** As {@link #year(int)}, counted on {@code today} (a test, a report as it stood on a day). */
    InspectionYear year(int year, LocalDate today) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        long[] issued = store.notices(from, to);
        LocalDate soFar = today.isBefore(to) ? today : to;
        return new InspectionYear(year, store.steps(InspectionState.INSPECTED, from, to), issued[0], issued[1],
                issued[2], store.overdueAt(soFar), store.steps(InspectionState.PUBLISHED, from, to),
                store.steps(InspectionState.REVIEWED, from, to));
    }

    /** Today in the archive's zone. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    private UnitProfile unit(String code) {
        return units.unit(code == null ? null : code.strip())
                .orElseThrow(() -> new SupervisionProblem(404, "supervision.inspection.no-such-unit", code));
    }

    /** The inspection if it is in one of the states the step may follow; else 409 with the step's own message. */
    private Inspection expect(long id, String step, InspectionState... states) {
        Inspection inspection = inspection(id);
        if (!EnumSet.of(states[0], states).contains(inspection.state())) {
            throw new SupervisionProblem(409, "supervision.inspection.not-now." + step);
        }
        return inspection;
    }

    private void advance(Inspection inspection, InspectionState to, LocalDate on, Viewer viewer) {
        if (!store.advance(inspection.id(), Set.of(inspection.state()), to)) {
            throw new SupervisionProblem(409, "supervision.inspection.changed");
        }
        store.step(inspection.id(), to, on, viewer.name());
    }

    private static LocalDate after(LocalDate day, LocalDate earliest, String key) {
        if (earliest != null && day.isBefore(earliest)) {
            throw new SupervisionProblem(422, key, day, earliest);
        }
        return day;
    }

    private void audit(Viewer viewer, String action, long id, String after) {
        trail.record(new AuditEvent(viewer.name(), viewer.address(), action, "inspection:" + id, null, after));
    }
}
