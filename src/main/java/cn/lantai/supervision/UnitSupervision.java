package cn.lantai.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Holding;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.AccountRef;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.identity.UnitProfile;
import cn.lantai.supervision.internal.Inputs;
import cn.lantai.supervision.internal.outreach.OutreachRows;
import cn.lantai.supervision.internal.units.Grades;
import cn.lantai.supervision.internal.units.Targets;
import cn.lantai.supervision.internal.units.UnitWorkStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's units as the bureau oversees their archive work (inspectors, {@code INSPECT}): identity's registry of
 * units with what supervision adds (person in charge, archivists, archive room, reported holdings), the grade each
 * archive room reached and when (档案室等级), and each year's grading targets (年度创建目标, "力争X家以上单位创建省三级及
 * 以上档案室"). Every change is audited; the yearly figures of guidance, training, publicity and grading come from
 * here too.
 */
@Service
public class UnitSupervision {

    public static final int MAX_PERSON = 50;
    public static final int MAX_PHONE = 40;
    public static final int MAX_LOCATION = 200;
    public static final int MAX_EQUIPMENT = 500;
    public static final int MAX_ARCHIVISTS = 20;
    public static final int MAX_HOLDINGS = 100_000_000;
    public static final BigDecimal MAX_AREA = new BigDecimal("100000");
    /** How many years ahead a grading target may be set. */
    public static final int TARGET_YEARS_AHEAD = 5;

    private final UnitDirectory directory;
    private final Inspections inspections;
    private final CatalogManagement catalog;
    private final UnitWorkStore work;
    private final Grades grades;
    private final Targets targets;
    private final OutreachRows outreach;
    private final Inputs inputs;
    private final AuditTrail trail;

    UnitSupervision(UnitDirectory directory, Inspections inspections, CatalogManagement catalog, UnitWorkStore work,
            Grades grades, Targets targets, OutreachRows outreach, Inputs inputs, AuditTrail trail) {
        this.directory = directory;
        this.inspections = inspections;
        this.catalog = catalog;
        this.work = work;
        this.grades = grades;
        this.targets = targets;
        this.outreach = outreach;
        this.inputs = inputs;
        this.trail = trail;
    }

    /**
     * The units that form a fonds (立档单位), by code, with their archive work, current grade, last inspection and last
     * guidance; only those of the grade when one is given, only those whose code or name holds the query when one is.
     */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<SupervisedUnit> units(Grade grade, String query) {
        String q = query == null ? "" : query.strip();
        List<UnitProfile> profiles = directory.formingUnits().stream()
                .filter(u -> q.isEmpty() || u.code().contains(q) || u.name().contains(q)).toList();
        Map<String, UnitWork> works = work.all(profiles.stream().map(UnitProfile::code).toList());
        Map<String, Grade> current = grades.on(inputs.today());
        Map<String, LocalDate> guided = outreach.lastGuidance();
        return profiles.stream()
                .filter(u -> grade == null || current.getOrDefault(u.code(), Grade.UNGRADED) == grade)
                .map(u -> new SupervisedUnit(u, works.getOrDefault(u.code(), UnitWork.NONE),
                        current.getOrDefault(u.code(), Grade.UNGRADED), lastInspection(u.code()),
                        guided.get(u.code())))
                .toList();
    }

    /**
     * The unit with its archive work (any unit of identity's registry).
     *
     * @throws SupervisionProblem 404 {@code supervision.unit.unknown}
     */
    @PreAuthorize("hasAuthority('INSPECT')")
    public SupervisedUnit unit(String code) {
        UnitProfile profile = profile(code);
        return new SupervisedUnit(profile, work.find(profile.code()).orElse(UnitWork.NONE),
                grades.on(inputs.today()).getOrDefault(profile.code(), Grade.UNGRADED), lastInspection(profile.code()),
                outreach.lastGuidance().get(profile.code()));
    }

    /** The unit's archivists as identity knows them (its accounts that prepare transfers). */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<AccountRef> archivistAccounts(String code) {
        return directory.archivistsOf(profile(code).code());
    }

    /**
     * The items (件) the archive holds of the unit's fonds, as far as the viewer may see them (the catalogue's own
     * count); 0 for a unit that forms no fonds.
     */
    @PreAuthorize("hasAuthority('INSPECT')")
    public long heldItems(String code, Viewer viewer) {
        UnitProfile unit = profile(code);
        return unit.fonds() == null ? 0
                : catalog.holdings(unit.fonds(), viewer).stream().mapToLong(Holding::items).sum();
    }

    /** The grades the unit's room reached, newest first. */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<GradeChange> grades(String code) {
        return grades.history(profile(code).code());
    }

    /**
     * Keeps the unit's archive work as the bureau knows it (replacing what was kept), audited with before and after.
     *
     * @throws SupervisionProblem 404 {@code supervision.unit.unknown}; 422 {@code supervision.unit.bad-person},
     *         {@code bad-archivist}, {@code bad-phone}, {@code too-many-archivists}, {@code bad-area},
     *         {@code bad-location}, {@code bad-equipment}, {@code bad-holdings}; 409 {@code supervision.unit.changed}
     *         when someone else saved the unit's first record meanwhile
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public UnitWork saveWork(String code, UnitWork given, Viewer viewer) {
        UnitProfile unit = profile(code);
        if (given.archivists().size() > MAX_ARCHIVISTS) {
            throw new SupervisionProblem(422, "supervision.unit.too-many-archivists", MAX_ARCHIVISTS);
        }
        List<UnitArchivist> archivists = new ArrayList<>();
        for (UnitArchivist a : given.archivists()) {
            archivists.add(new UnitArchivist(Inputs.required(a.name(), MAX_PERSON, "supervision.unit.bad-archivist"),
                    Inputs.optional(a.phone(), MAX_PHONE, "supervision.unit.bad-phone")));
        }
        BigDecimal area = given.roomArea();
        if (area != null && (area.signum() < 0 || area.compareTo(MAX_AREA) > 0 || area.scale() > 1)) {
            throw new SupervisionProblem(422, "supervision.unit.bad-area", MAX_AREA);
        }
        if (given.reportedVolumes() < 0 || given.reportedItems() < 0 || given.reportedVolumes() > MAX_HOLDINGS
                || given.reportedItems() > MAX_HOLDINGS) {
            throw new SupervisionProblem(422, "supervision.unit.bad-holdings", MAX_HOLDINGS);
        }
        UnitWork kept = new UnitWork(Inputs.optional(given.personInCharge(), MAX_PERSON, "supervision.unit.bad-person"),
                archivists, area, Inputs.optional(given.roomLocation(), MAX_LOCATION, "supervision.unit.bad-location"),
                Inputs.optional(given.roomEquipment(), MAX_EQUIPMENT, "supervision.unit.bad-equipment"),
                given.reportedVolumes(), given.reportedItems());
        UnitWork before = work.find(unit.code()).orElse(UnitWork.NONE);
        if (!Objects.equals(before, kept)) {
            try {
                work.save(unit.code(), kept);
            } catch (DuplicateKeyException savedMeanwhile) {
                throw new SupervisionProblem(409, "supervision.unit.changed", unit.code());
            }
            trail.record(new AuditEvent(viewer.name(), viewer.address(), "supervision.unit.work",
                    "unit:" + unit.code(), before.described(), kept.described()));
        }
        return kept;
    }

    /**
     * Records a grade the unit's archive room reached on a day (not after today); the history keeps every grade.
     *
     * @throws SupervisionProblem 404 {@code supervision.unit.unknown}; 422 {@code supervision.grade.unknown},
     *         {@code supervision.grade.bad-day}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public GradeChange recordGrade(String code, Grade grade, LocalDate reachedOn, Viewer viewer) {
        UnitProfile unit = profile(code);
        if (grade == null) {
            throw new SupervisionProblem(422, "supervision.grade.unknown");
        }
        inputs.day(reachedOn, inputs.today(), "supervision.grade.bad-day");
        GradeChange change = new GradeChange(unit.code(), grade, reachedOn, viewer.name());
        grades.insert(change);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "supervision.unit.grade", "unit:" + unit.code(),
                null, "grade=" + grade + " reachedOn=" + reachedOn));
        return change;
    }

    /**
     * Sets the unit's grading target for a year: the current year or up to {@link #TARGET_YEARS_AHEAD} ahead (a past
     * year's aims are history, refused); a target is a grade (not 未定级); {@code null} removes the target.
     *
     * @throws SupervisionProblem 404 {@code supervision.unit.unknown}; 422 {@code supervision.targets.bad-year},
     *         {@code supervision.targets.bad-grade}
     */
    @Transactional
    @PreAuthorize("hasAuthority('INSPECT')")
    public void setTarget(String code, int year, Grade grade, Viewer viewer) {
        UnitProfile unit = profile(code);
        int now = inputs.today().getYear();
        if (year < now || year > now + TARGET_YEARS_AHEAD) {
            throw new SupervisionProblem(422, "supervision.targets.bad-year", String.valueOf(now),
                    String.valueOf(now + TARGET_YEARS_AHEAD));
        }
        if (grade == Grade.UNGRADED) {
            throw new SupervisionProblem(422, "supervision.targets.bad-grade");
        }
        targets.put(unit.code(), year, grade);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "supervision.unit.target", "unit:" + unit.code(),
                null, "year=" + year + " grade=" + (grade == null ? "" : grade.name())));
    }

    /**
     * The year's grading targets, by unit code, each with the grade the unit's room holds at the year's end (today,
     * for the current year) and whether that meets it.
     *
     * @throws SupervisionProblem 422 {@code supervision.outreach.bad-year} for a year before {@link Inputs#EARLIEST}
     *         or beyond the targets that may be set
     */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<GradingTarget> targets(int year) {
        int last = inputs.today().getYear() + TARGET_YEARS_AHEAD;
        if (year < Inputs.EARLIEST.getYear() || year > last) {
            throw new SupervisionProblem(422, "supervision.outreach.bad-year",
                    String.valueOf(Inputs.EARLIEST.getYear()), String.valueOf(last));
        }
        Map<String, Grade> reached = grades.on(LocalDate.of(year, 12, 31));
        Map<String, String> names = new LinkedHashMap<>();
        directory.units().forEach(u -> names.put(u.code(), u.name()));
        return targets.ofYear(year).stream().map(t -> {
            Grade held = reached.getOrDefault(t.getKey(), Grade.UNGRADED);
            return new GradingTarget(t.getKey(), names.getOrDefault(t.getKey(), t.getKey()), year, t.getValue(), held,
                    held.meets(t.getValue()));
        }).toList();
    }

    /**
     * The year's figures (aggregates, no personal data; the caller decides who may read them), the year running by
     * the archive's calendar: guidance visits, training sessions, trainees (attendees, 人次) and publicity events held
     * in it, and for each grade (its code) the units whose latest grade reached by the year's end is that grade. Units
     * never graded by then are left out (not counted under 未定级): 未定级 counts the rooms recorded as such.
     */
    public OutreachYear year(int year) {
        long[] counts = outreach.counts(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Map<String, Long> byGrade = new LinkedHashMap<>();
        grades.countsOn(LocalDate.of(year, 12, 31)).forEach((g, n) -> byGrade.put(g.name(), n));
        return new OutreachYear(year, counts[0], counts[1], counts[2], counts[3], byGrade);
    }

    private UnitProfile profile(String code) {
        return directory.unit(code == null ? null : code.strip())
                .orElseThrow(() -> new SupervisionProblem(404, "supervision.unit.unknown", code));
    }

    private LocalDate lastInspection(String code) {
        return inspections.ofUnit(code).stream().map(InspectionSummary::inspected).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
