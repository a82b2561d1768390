package cn.lantai.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.access.internal.ItemReferences;
import cn.lantai.access.internal.UseLedger;
import cn.lantai.access.internal.Visits;
import cn.lantai.access.internal.readers.DeskVisits;
import cn.lantai.access.internal.readers.IdDigests;
import cn.lantai.access.internal.readers.IdDocuments;
import cn.lantai.access.internal.readers.Visitors;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reading room's desk (利用登记): registers visitors (at the desk, or in advance on the portal), finds them again
 * by their ID document, starts their visits and records the files and items used and the pages copied, each counted
 * in the use ledger. Every step but the portal's needs the reading-room right ({@code SERVE_READERS}); a refusal is
 * audited and answered 403. Every registration, change, visit and reading of a whole ID number is audited, with the
 * visitor's id and masked number only: the trail is kept for ever, personal data only for the retention.
 */
@Service
public class ReadingRoom {

    /** The longest name and unit, in characters. */
    public static final int MAX_NAME = 50;
    public static final int MAX_UNIT = 100;
    public static final int MAX_NOTE = 500;
    /** The most pages copied recorded in one step. */
    public static final int MAX_PAGES = 100_000;
    /** How far ahead the portal takes a planned visit, in days. */
    public static final int PLAN_AHEAD_DAYS = 90;

    private final Visitors visitors;
    private final Visits visits;
    private final DeskVisits desk;
    private final IdDigests digests;
    private final ItemReferences references;
    private final UseLedger ledger;
    private final AuditTrail trail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReadingRoom(Visitors visitors, Visits visits, DeskVisits desk, IdDigests digests, ItemReferences references,
            UseLedger ledger, AuditTrail trail, PlatformTransactionManager transactionManager,
            ArchiveClock archiveClock) {
        this.clock = archiveClock.clock();
        this.transactions = new TransactionTemplate(transactionManager);
        this.visitors = visitors;
        this.visits = visits;
        this.desk = desk;
        this.digests = digests;
        this.references = references;
        this.ledger = ledger;
        this.trail = trail;
    }

    /** Whether the viewer works the desk ({@code SERVE_READERS}). */
    public boolean serves(Viewer viewer) {
        return AccessRights.servesReaders(viewer);
    }

    /**
     * Registers the person at the desk, or, when their ID document is registered already, finds them and takes the
     * name, phone and unit as now given: the same person is never registered twice.
     */
    @Transactional
    public Visitor register(NewVisitor given, Viewer clerk) {
        requireDesk(clerk, "access.visitor.register");
        Visitors.Details d = details(given);
        Instant now = clock.instant();
        Optional<Long> known = visitors.byDigest(d.digest());
        long id;
        if (known.isPresent()) {
            id = known.get();
            visitors.update(id, d, now);
            audit(clerk, "access.visitor.update", id, d.masked());
        } else {
            id = visitors.insert(d, "DESK", clerk.name(), now);
            audit(clerk, "access.visitor.register", id, d.masked());
        }
        return visits.visitor(id).orElseThrow();
    }

    /**
     * A registration in advance on the portal, by anyone: the planned day (today to {@link #PLAN_AHEAD_DAYS} ahead) and
     * purpose. A person already registered keeps their details (the desk checks the document before changing them);
     * only the plan is taken. The answer is the masked number, whichever it was.
     */
    @Transactional
    public String preRegister(NewVisitor given, Purpose purpose, LocalDate plannedOn, String address) {
        Visitors.Details d = details(given);
        LocalDate today = LocalDate.now(clock);
        if (purpose == null) {
            throw new AccessProblem("access.purpose.missing");
        }
        if (plannedOn == null || plannedOn.isBefore(today) || plannedOn.isAfter(today.plusDays(PLAN_AHEAD_DAYS))) {
            throw new AccessProblem("access.plan.date", PLAN_AHEAD_DAYS);
        }
        Instant now = clock.instant();
        long id = visitors.byDigest(d.digest()).orElseGet(() -> visitors.insert(d, "PORTAL", "portal", now));
        visitors.plan(id, plannedOn, purpose, now);
        trail.record(new AuditEvent("portal", address, "access.visitor.pre-register", "visitor:" + id,
                null, d.masked() + " " + plannedOn + " " + purpose.name()));
        return d.masked();
    }

    /** The visitor registered with this ID document, if any (and not erased). */
    @Transactional
    public Optional<Visitor> find(IdType type, String number, Viewer clerk) {
        requireDesk(clerk, "access.visitor.find");
        String normal = IdDocuments.normalise(type, number, LocalDate.now(clock));
        Optional<Visitor> found = visitors.byDigest(digests.digest(type, normal)).flatMap(visits::visitor);
        trail.record(new AuditEvent(clerk.name(), clerk.address(), "access.visitor.find",
                found.map(v -> "visitor:" + v.id()).orElse(null), null, IdDocuments.mask(normal)));
        return found;
    }

    /** The visitor's whole ID number, for the desk only; each reading is audited. */
    @Transactional
    public String idNumber(long visitorId, Viewer clerk) {
        requireDesk(clerk, "access.visitor.id-number");
        String number = visitors.idNumber(visitorId)
                .orElseThrow(() -> new AccessProblem(404, "access.visitor.not-found"));
        audit(clerk, "access.visitor.id-number-read", visitorId, IdDocuments.mask(number));
        return number;
    }

    /** The visit the visitor announced on the portal, until the desk starts one. */
    public Optional<PlannedVisit> planned(long visitorId, Viewer clerk) {
        requireDesk(clerk, "access.visitor.planned");
        return visitors.planned(visitorId);
    }

    /** Starts a visit: one person served (人次), counted with its purpose. */
    @Transactional
    public Visit startVisit(long visitorId, Purpose purpose, String note, Viewer clerk) {
        requireDesk(clerk, "access.visit.start");
        Visitor visitor = visits.visitor(visitorId).filter(v -> !v.erased())
                .orElseThrow(() -> new AccessProblem(404, "access.visitor.not-found"));
        if (purpose == null) {
            throw new AccessProblem("access.purpose.missing");
        }
        String text = IdDocuments.text(note, MAX_NOTE, false, "note");
        Instant now = clock.instant();
        long id = desk.insert(visitor.id(), purpose, text, clerk.name(), now);
        visitors.seen(visitor.id(), now);
        ledger.record(UseKind.VISIT, id, null, null, null, purpose, 1, clerk.name(), now);
        trail.record(new AuditEvent(clerk.name(), clerk.address(), "access.visit.start", "visit:" + id, null,
                "visitor:" + visitor.id() + " " + purpose.name()));
        return visits.visit(id).orElseThrow();
    }

    /**
     * A file (卷) or an item (件) used in the visit, named by its 档号 or the item's id and found with the clerk's sight
     * (not found as the catalogue answers it otherwise): listed for the visit each time, but counted in 卷次 or 件次
     * (with its category) only once per visit, a viewing under a request filed for the visit included. The record is
     * looked up before the use's transaction, so that a refusal's audit entries stay although nothing is counted.
     */
    public UsedItem itemUsed(long visitId, String reference, Viewer clerk) {
        requireDesk(clerk, "access.visit.item-used");
        Visit visit = openVisit(visitId);
        UsedItem found;
        try {
            found = references.resolve(visitId, reference, clerk);
        } catch (ItemNotFound e) {
            trail.recordApart(new AuditEvent(clerk.name(), clerk.address(), "access.visit.item-refused",
                    "visit:" + visitId, null, reference));
            throw e;
        }
        return transactions.execute(status -> {
            Instant now = clock.instant();
            UsedItem used = new UsedItem(visitId, found.level(), found.refId(), found.archivalCode(), found.category(),
                    now);
            desk.itemUsed(used, clerk.name());
            ledger.itemUsedOnce(visitId, 0, used.refId(), used.level(), used.category(), visit.purpose(),
                    clerk.name(), now);
            trail.record(new AuditEvent(clerk.name(), clerk.address(), "access.visit.item-used", "visit:" + visitId,
                    null, used.level() + " " + used.refId() + " " + used.archivalCode()));
            return used;
        });
    }

    /** Pages copied for the visitor (复制页数), 1 to {@link #MAX_PAGES} in one step. */
    @Transactional
    public void pagesCopied(long visitId, int pages, Viewer clerk) {
        requireDesk(clerk, "access.visit.pages-copied");
        Visit visit = openVisit(visitId);
        if (pages < 1 || pages > MAX_PAGES) {
            throw new AccessProblem("access.pages.range", MAX_PAGES);
        }
        ledger.record(UseKind.PAGES_COPIED, visitId, null, null, null, visit.purpose(), pages, clerk.name());
        trail.record(new AuditEvent(clerk.name(), clerk.address(), "access.visit.pages-copied", "visit:" + visitId,
                null, Integer.toString(pages)));
    }

    /** The visitors seen most recently first, masked; {@code page} from 0, {@code size} 1 to 200. */
    public List<Visitor> visitors(int page, int size, Viewer clerk) {
        requireDesk(clerk, "access.visitor.list");
        if (page < 0 || size < 1 || size > 200) {
            throw new AccessProblem("access.page.range");
        }
        return visitors.recent(page * size, size).stream().map(visits::visitor).flatMap(Optional::stream).toList();
    }

    /** The visits begun on the day, with their visitors (masked), items used and pages copied. */
    public List<DeskVisit> visits(LocalDate day, Viewer clerk) {
        requireDesk(clerk, "access.visit.list");
        return visits.startedOn(day).stream().map(v -> new DeskVisit(v, visits.visitor(v.visitorId()).orElseThrow(),
                desk.items(v.id()), desk.pagesCopied(v.id()))).toList();
    }

    /** Today, as the desk counts days (the archive's time zone, {@code lantai.archive-zone}). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A visit, for the other parts of the module (requests, certificates). */
    public Optional<Visit> visit(long id) {
        return visits.visit(id);
    }

    /** A visitor, masked (name, masked ID and phone, unit): the reading room's data, for the desk only. */
    public Optional<Visitor> visitor(long id, Viewer clerk) {
        requireDesk(clerk, "access.visitor.read");
        return visits.visitor(id);
    }

    private Visit openVisit(long visitId) {
        return visits.visit(visitId).orElseThrow(() -> new AccessProblem(404, "access.visit.not-found"));
    }

    private Visitors.Details details(NewVisitor given) {
        if (given == null) {
            throw new AccessProblem("access.name.missing");
        }
        String name = IdDocuments.text(given.name(), MAX_NAME, true, "name");
        String number = IdDocuments.normalise(given.idType(), given.idNumber(), LocalDate.now(clock));
        String phone = IdDocuments.phone(given.phone());
        String unit = IdDocuments.text(given.unit(), MAX_UNIT, false, "unit");
        return new Visitors.Details(name, given.idType(), number, IdDocuments.mask(number),
                digests.digest(given.idType(), number), phone, unit);
    }

    private void requireDesk(Viewer viewer, String action) {
        if (!serves(viewer)) {
            trail.recordApart(new AuditEvent(viewer == null ? "anonymous" : viewer.name(),
                    viewer == null ? null : viewer.address(), "access.refused", action, null, null));
            throw new AccessProblem(403, "access.reading-room.not-permitted");
        }
    }

    private void audit(Viewer clerk, String action, long visitorId, String masked) {
        trail.record(new AuditEvent(clerk.name(), clerk.address(), action, "visitor:" + visitorId, null, masked));
    }
}
