package cn.lantai.stacks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.internal.locations.BoxStore;
import cn.lantai.stacks.internal.locations.Entry;
import cn.lantai.stacks.internal.locations.EntryReferences;
import cn.lantai.stacks.internal.locations.MoveLog;
import cn.lantai.stacks.internal.locations.Places;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking out and returning (出库/入库), by the stacks staff ({@code MANAGE_STACKS}): a 卷 or 件 (by its 档号) or a box (by
 * its number) is taken out with a reason and a due day and comes back; both logged with who and when, and audited.
 * What is out past its due day (in the archive's zone) is overdue: the stacks' alert.
 */
@Service
public class Moves {

    /** The longest note kept, and how far ahead a due day may lie. */
    public static final int MAX_NOTE = 200;
    public static final int MAX_DAYS_OUT = 366;

    private final EntryReferences references;
    private final BoxStore boxes;
    private final MoveLog log;
    private final Places places;
    private final AuditTrail trail;

    Moves(EntryReferences references, BoxStore boxes, MoveLog log, Places places, AuditTrail trail) {
        this.references = references;
        this.boxes = boxes;
        this.log = log;
        this.places = places;
        this.trail = trail;
    }

    /** What is taken out or returned: a box by its number ({@code box} true), else a 卷 or 件 by its 档号 or id. */
    public record Target(boolean box, String reference) {

        public static Target entry(String reference) {
            return new Target(false, reference);
        }

        public static Target box(String number) {
            return new Target(true, number);
        }
    }

    /**
     * Takes the thing out until {@code due} (a day from today to {@link #MAX_DAYS_OUT} days ahead).
     *
     * @throws StacksProblem 422 {@code stacks.move.no-reason}, {@code stacks.move.bad-note},
     *         {@code stacks.move.bad-due}; 409 {@code stacks.move.already-out}; the refusals of naming it
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Move takeOut(Target target, MoveReason reason, String note, LocalDate due, Viewer viewer) {
        if (reason == null) {
            throw new StacksProblem(422, "stacks.move.no-reason");
        }
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (kept != null && (kept.length() > MAX_NOTE || kept.codePoints().anyMatch(Character::isISOControl))
                || reason == MoveReason.OTHER && kept == null) {
            throw new StacksProblem(422, "stacks.move.bad-note", MAX_NOTE);
        }
        LocalDate today = places.today();
        if (due == null || due.isBefore(today) || due.isAfter(today.plusDays(MAX_DAYS_OUT))) {
            throw new StacksProblem(422, "stacks.move.bad-due", today.toString(), MAX_DAYS_OUT);
        }
        Named named = named(target, viewer);
        if (log.open(named.kind(), named.id()).isPresent()) {
            throw new StacksProblem(409, "stacks.move.already-out", named.label());
        }
        long id = log.takeOut(named.kind(), named.id(), named.label(), reason, kept, viewer.name(), places.now(), due)
                .orElseThrow(() -> new StacksProblem(409, "stacks.move.already-out", named.label()));
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.move.out",
                named.kind().name().toLowerCase(Locale.ROOT) + ":" + named.label(), null,
                "reason=" + reason + " due=" + due + (kept == null ? "" : " note=" + kept)));
        return log.open(named.kind(), named.id()).filter(m -> m.id() == id).orElseThrow();
    }

    /**
     * Returns the thing to the stacks.
     *
     * @throws StacksProblem 409 {@code stacks.move.not-out} when it is not out (returned already, or never taken out)
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Move giveBack(Target target, Viewer viewer) {
        Named named = named(target, viewer);
        Move open = log.open(named.kind(), named.id())
                .orElseThrow(() -> new StacksProblem(409, "stacks.move.not-out", named.label()));
        if (!log.giveBack(named.kind(), named.id(), viewer.name(), places.now())) {
            throw new StacksProblem(409, "stacks.move.not-out", named.label());
        }
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.move.in",
                named.kind().name().toLowerCase(Locale.ROOT) + ":" + named.label(), "due=" + open.due(),
                null));
        return log.of(named.kind(), named.id()).get(0);
    }

    /** Everything out now, the longest out first. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Move> out() {
        return log.allOut();
    }

    /** The alerts: what is out past its due day, the most overdue first. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Move> overdue() {
        return log.overdue(places.today());
    }

    /** How many alerts there are (for a badge). */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public long overdueCount() {
        return log.overdueCount(places.today());
    }

    /** The latest rows of the log. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Move> latest() {
        return log.latest(30);
    }

    /** The box's log, the latest first. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Move> ofBox(long boxId) {
        return log.of(Kept.BOX, boxId);
    }

    /** The archive's zone, in which the log's times are shown. */
    public ZoneId zone() {
        return places.zone();
    }

    /** Today in the archive's zone: the day due days are counted against. */
    public LocalDate today() {
        return places.today();
    }

    private record Named(Kept kind, long id, String label) {
    }

    private Named named(Target target, Viewer viewer) {
        if (target == null) {
            throw new StacksProblem(422, "stacks.entry.bad-reference", "");
        }
        if (target.box()) {
            String number = target.reference() == null ? "" : target.reference().strip();
            String shown = number.length() > 32 ? number.substring(0, 32) + "…" : number;
            Box box = boxes.byNumber(number.toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> new StacksProblem(404, "stacks.box.unknown", shown));
            return new Named(Kept.BOX, box.id(), box.number());
        }
        Entry e = references.resolve(target.reference(), viewer);
        return new Named(e.kind(), e.id(), e.archivalCode());
    }
}
