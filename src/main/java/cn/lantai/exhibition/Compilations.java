package cn.lantai.exhibition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.exhibition.internal.CompilationStore;
import cn.lantai.exhibition.internal.RecordReferences;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compilation projects (编研) of the curators ({@code CURATE}): planned with a title, kind, editors and dates, their
 * sources (catalogue records the curator may see, by id or 档号, or free texts), started, then finished with their
 * output in titles (种) and ten thousands of characters (万字), or cancelled. A finished or cancelled project is closed.
 * Every change is audited; the yearly figures count projects by the archive day they finished.
 */
@Service
public class Compilations {

    public static final int MAX_TITLE = 200;
    public static final int MAX_EDITORS = 500;
    public static final int MAX_SUMMARY = 4000;
    public static final int MAX_SOURCE = 500;
    public static final int MAX_SOURCES = 500;
    /** The most titles (种) one project yields, and the most 万字 (ten million characters). */
    public static final int MAX_TITLES = 1000;
    public static final BigDecimal MAX_WAN_CHARS = new BigDecimal("1000.00");

    private final CompilationStore store;
    private final RecordReferences records;
    private final AuditTrail trail;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    Compilations(CompilationStore store, RecordReferences records, AuditTrail trail,
            @Value("${lantai.archive-zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.records = records;
        this.trail = trail;
        this.zone = ZoneId.of(zone.strip());
    }

    /**
     * Every project, newest first, as the viewer sees it: a source whose record the viewer may not see now (another
     * curator named it with a wider clearance, or it was classified since) shows neither its id nor its 档号.
     */
    @PreAuthorize("hasAuthority('CURATE')")
    public List<Compilation> compilations(Viewer viewer) {
        List<Compilation> all = store.all();
        Set<Long> visible = records.visibleIds(all.stream().flatMap(c -> c.sources().stream())
                .map(Compilation.Source::item).filter(Objects::nonNull).toList(), viewer);
        return all.stream().map(c -> c.seenWith(visible)).toList();
    }

    /** The project as the viewer sees it, as {@link #compilations(Viewer)} says. */
    @PreAuthorize("hasAuthority('CURATE')")
    public Compilation compilation(long id, Viewer viewer) {
        Compilation c = stored(id);
        return c.seenWith(records.visibleIds(c.sources().stream().map(Compilation.Source::item)
                .filter(Objects::nonNull).toList(), viewer));
    }

    private Compilation stored(long id) {
        return store.find(id).orElseThrow(() -> new ExhibitionProblem(404, "exhibition.compilation.not-found"));
    }

    /** Plans a project. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public Compilation plan(CompilationPlan plan, Viewer viewer) {
        CompilationPlan p = check(plan);
        long id = store.insert(p, viewer.name());
        audit(viewer, "exhibition.compilation-plan", id, "kind=" + p.kind() + " title=" + p.title());
        return compilation(id, viewer);
    }

    /** Corrects an open project's title, kind, editors, summary or planned dates. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public Compilation update(long id, CompilationPlan plan, Viewer viewer) {
        open(id);
        CompilationPlan p = check(plan);
        store.update(id, p);
        audit(viewer, "exhibition.compilation-update", id, "kind=" + p.kind() + " title=" + p.title());
        return compilation(id, viewer);
    }

    /** Starts work on a planned project today (the archive's day). */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public Compilation start(long id, Viewer viewer) {
        if (open(id).state() != CompilationState.PLANNED) {
            throw new ExhibitionProblem(409, "exhibition.compilation.not-planned");
        }
        store.start(id, today());
        audit(viewer, "exhibition.compilation-start", id, null);
        return compilation(id, viewer);
    }

    /**
     * Finishes a project in progress with its output, on the given archive day (today if null).
     *
     * @throws ExhibitionProblem 422 {@code exhibition.compilation.no-output} without titles or characters,
     *         {@code exhibition.compilation.bad-titles}, {@code exhibition.compilation.bad-wan-chars},
     *         {@code exhibition.compilation.bad-finish-date} (in the future or before it started); 409
     *         {@code exhibition.compilation.not-in-progress}
     */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public Compilation finish(long id, Integer titles, BigDecimal wanChars, LocalDate on, Viewer viewer) {
        Compilation c = open(id);
        if (c.state() != CompilationState.IN_PROGRESS) {
            throw new ExhibitionProblem(409, "exhibition.compilation.not-in-progress");
        }
        if (titles == null || wanChars == null || titles == 0 || wanChars.signum() == 0) {
            throw new ExhibitionProblem(422, "exhibition.compilation.no-output");
        }
        if (titles < 0 || titles > MAX_TITLES) {
            throw new ExhibitionProblem(422, "exhibition.compilation.bad-titles", MAX_TITLES);
        }
        if (wanChars.signum() < 0 || wanChars.compareTo(MAX_WAN_CHARS) > 0
                || wanChars.stripTrailingZeros().scale() > 2) {
            throw new ExhibitionProblem(422, "exhibition.compilation.bad-wan-chars", MAX_WAN_CHARS);
        }
        LocalDate day = on == null ? today() : on;
        if (day.isAfter(today()) || c.startedOn() != null && day.isBefore(c.startedOn())) {
            throw new ExhibitionProblem(422, "exhibition.compilation.bad-finish-date");
        }
        BigDecimal kept = wanChars.setScale(2);
        store.finish(id, day, titles, kept);
        audit(viewer, "exhibition.compilation-finish", id, "titles=" + titles + " wan=" + kept.toPlainString()
                + " on=" + day);
        return compilation(id, viewer);
    }

    /** Cancels a project that has not finished. */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public Compilation cancel(long id, Viewer viewer) {
        open(id);
        store.cancel(id);
        audit(viewer, "exhibition.compilation-cancel", id, null);
        return compilation(id, viewer);
    }

    /**
     * Adds a source: a record the curator may see, named by id or 档号, or else a free text.
     *
     * @throws ExhibitionProblem 422 {@code exhibition.compilation.unknown-source} naming a record not found,
     *         {@code exhibition.compilation.bad-source} for neither or an oversized text
     */
    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public long addSource(long id, String record, String text, Viewer viewer) {
        open(id);
        boolean named = record != null && !record.isBlank();
        String t = Exhibitions.text(text, MAX_SOURCE, false, "exhibition.compilation.bad-source");
        if (named == (t != null)) {
            throw new ExhibitionProblem(422, "exhibition.compilation.bad-source", MAX_SOURCE);
        }
        if (store.sourceCount(id) >= MAX_SOURCES) {
            throw new ExhibitionProblem(422, "exhibition.compilation.too-many-sources", MAX_SOURCES);
        }
        long source;
        if (named) {
            Item item = records.find(record, viewer).orElseThrow(() -> new ExhibitionProblem(422,
                    "exhibition.compilation.unknown-source", RecordReferences.shown(record.strip())));
            source = store.addSource(id, item.id().value(), item.archivalCode(), null);
            audit(viewer, "exhibition.compilation-source-add", id, "source=" + source + " item="
                    + item.id().value() + " " + item.archivalCode());
        } else {
            source = store.addSource(id, null, null, t);
            audit(viewer, "exhibition.compilation-source-add", id, "source=" + source + " text=" + t);
        }
        return source;
    }

    @Transactional
    @PreAuthorize("hasAuthority('CURATE')")
    public void removeSource(long id, long source, Viewer viewer) {
        open(id);
        if (!store.removeSource(id, source)) {
            throw new ExhibitionProblem(404, "exhibition.compilation.source-not-found");
        }
        audit(viewer, "exhibition.compilation-source-remove", id, "source=" + source);
    }

    private CompilationPlan check(CompilationPlan p) {
        String title = Exhibitions.text(p.title(), MAX_TITLE, true, "exhibition.compilation.bad-title");
        if (p.kind() == null) {
            throw new ExhibitionProblem(422, "exhibition.compilation.bad-kind");
        }
        String editors = Exhibitions.text(p.editors(), MAX_EDITORS, false, "exhibition.compilation.bad-editors");
        String summary = Exhibitions.text(p.summary(), MAX_SUMMARY, false, "exhibition.compilation.bad-summary");
        if (absurd(p.plannedStart()) || absurd(p.plannedEnd()) || p.plannedStart() != null && p.plannedEnd() != null
                && p.plannedEnd().isBefore(p.plannedStart())) {
            throw new ExhibitionProblem(422, "exhibition.compilation.bad-dates");
        }
        return new CompilationPlan(title, p.kind(), editors, summary, p.plannedStart(), p.plannedEnd());
    }

    /** A planned date outside 1949 … ten years from now is a typing error. */
    private boolean absurd(LocalDate d) {
        return d != null && (d.getYear() < 1949 || d.isAfter(today().plusYears(10)));
    }

    /** The project, if it may still change: neither finished nor cancelled. */
    private Compilation open(long id) {
        Compilation c = stored(id);
        if (c.state() == CompilationState.FINISHED || c.state() == CompilationState.CANCELLED) {
            throw new ExhibitionProblem(409, "exhibition.compilation.closed");
        }
        return c;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private void audit(Viewer viewer, String action, long compilation, String detail) {
        trail.record(new AuditEvent(viewer.name(), viewer.address(), action, "compilation:" + compilation, null,
                detail));
    }
}
