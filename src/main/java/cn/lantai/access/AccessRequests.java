package cn.lantai.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.lantai.access.internal.ItemReferences;
import cn.lantai.access.internal.Visits;
import cn.lantai.access.internal.requests.RequestRows;
import cn.lantai.access.internal.requests.RequestRows.NewItem;
import cn.lantai.access.internal.requests.Routes;
import cn.lantai.access.internal.requests.SlipTokens;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.AccountManagement;
import cn.lantai.identity.PermissionManagement;
import cn.lantai.identity.Right;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for controlled records (调阅申请) and their approval (利用审批). A staff member asks for themselves, under
 * their own clearance; the desk clerk ({@code SERVE_READERS}) files a visitor's request, finding the items with their
 * own sight, under the visitor's clearance, which is none (公开). An item that does not exist or is classified above
 * the requester's clearance answers exactly as a missing one and the attempt is audited; an open, unclassified item
 * needs no request. Each item goes to the role its category and classification require ({@link ApprovalRoutes}); an
 * approver holding that role and {@code APPROVE_USE}, who can see the item and is not the requester, grants it for a
 * viewing period or refuses it with a reason. Every step is audited. Delivery under a grant is {@link GrantedCopies}.
 */
@Service
public class AccessRequests {

    /** The longest reason or refusal kept (characters). */
    public static final int MAX_TEXT = 2000;
    /** The most items one request may ask for. */
    public static final int MAX_ITEMS = 50;

    private final RequestRows rows;
    private final Routes routes;
    private final Visits visits;
    private final ItemReferences references;
    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final PermissionManagement permissions;
    private final AuditTrail trail;
    private final int defaultDays;
    private final int maxDays;
    private final Clock clock = Clock.systemUTC();

    AccessRequests(RequestRows rows, Routes routes, Visits visits, ItemReferences references, CatalogManagement catalog,
            AccountManagement accounts, PermissionManagement permissions, AuditTrail trail,
            @Value("${lantai.access.grant-days:7}") int defaultDays,
            @Value("${lantai.access.grant-max-days:30}") int maxDays) {
        this.rows = rows;
        this.routes = routes;
        this.visits = visits;
        this.references = references;
        this.catalog = catalog;
        this.accounts = accounts;
        this.permissions = permissions;
        this.trail = trail;
        this.defaultDays = defaultDays;
        this.maxDays = maxDays;
    }

    public int defaultDays() {
        return defaultDays;
    }

    public int maxDays() {
        return maxDays;
    }

    // ---- asking ---------------------------------------------------------------------------------------------

    /**
     * Files a request: the viewer's own ({@code visitId} null), or, at the desk, the visitor's of that visit.
     *
     * @throws ItemNotFound   an item that does not exist or is above the requester's clearance (audited)
     * @throws NotPermitted   filing for a visit without {@code SERVE_READERS} (audited)
     * @throws AccessProblem bad input: no items, too many, no reason, an oversized reason, an open item, no such visit
     */
    public FiledRequest ask(List<ItemId> items, Purpose purpose, String reason, Long visitId, Viewer viewer) {
        return ask(items, List.of(), purpose, reason, visitId, viewer);
    }

    /**
     * Files a request for items named by id, by 档号 ({@code codes}), or both. A 档号 is looked up with the sight the
     * request is filed under (a visitor's: the clerk's, then unclassified only; a staff member's: their clearance), so
     * an unknown 档号 and one above that sight answer, and are audited, as an unknown id.
     *
     * @throws AccessProblem a malformed 档号 (400), besides the bad input of the other form
     */
    @Transactional
    public FiledRequest ask(List<ItemId> items, List<String> codes, Purpose purpose, String reason, Long visitId,
            Viewer viewer) {
        List<String> named = checkedCodes(codes);
        if ((items == null || items.isEmpty()) && named.isEmpty()) {
            throw new AccessProblem(400, "access.request.no-items");
        }
        if ((items == null ? 0 : items.size()) + named.size() > MAX_ITEMS) {
            throw new AccessProblem(400, "access.request.too-many-items", MAX_ITEMS);
        }
        if (purpose == null) {
            throw new AccessProblem(400, "access.request.no-purpose");
        }
        String why = text(reason, "access.request.no-reason");
        String requesterName;
        Classification clearance;
        Long visit = null;
        if (visitId != null) {
            if (!AccessRights.servesReaders(viewer)) {
                refusal(viewer, "access.request.not-permitted", "visit:" + visitId, Right.SERVE_READERS.name());
                throw new NotPermitted("problem.not-permitted", Right.SERVE_READERS.name());
            }
            Visit v = visits.visit(visitId).orElseThrow(() -> new AccessProblem(404, "access.request.no-visit"));
            requesterName = visits.visitor(v.visitorId()).map(Visitor::name).orElse("?");
            clearance = Classification.NONE;
            visit = v.id();
        } else {
            if (viewer.scope().areas().isEmpty()) {
                // the three administrators (三员) and accounts held back do no archive work: they read no records
                refusal(viewer, "access.request.not-permitted", "request", "no data scope");
                throw new NotPermitted("problem.not-permitted", "archive work");
            }
            requesterName = accounts.me().displayName();
            clearance = viewer.clearance();
        }
        List<ItemId> all = new ArrayList<>(items == null ? List.of() : items);
        for (String code : named) {
            all.add(byCode(code, visit != null, clearance, viewer));
        }
        List<ItemId> asked = List.copyOf(new LinkedHashSet<>(all));
        List<NewItem> found = new ArrayList<>();
        for (ItemId id : asked) {
            Item item = findForRequester(id, visit != null, clearance, viewer);
            String category = item.description().get(DescriptionField.CATEGORY);
            Classification classification = item.description().classification();
            if (classification == Classification.NONE && item.description().openStatus() == OpenStatus.OPEN) {
                throw new AccessProblem(400, "access.request.open-item", item.archivalCode());
            }
            String role = routes.roleFor(category, classification)
                    .orElseThrow(() -> new AccessProblem(409, "access.request.no-route", item.archivalCode()));
            found.add(new NewItem(id, item.archivalCode(), category, classification, role));
        }
        String slip = visit != null ? SlipTokens.fresh() : null;
        long id = rows.insert(viewer.name(), requesterName, visit, clearance, purpose, why,
                slip == null ? null : SlipTokens.digest(slip).orElseThrow(), clock.instant(), found);
        String number = AccessRequest.number(id);
        audit(viewer, "access.request.asked", number,
                (visit == null ? "" : "visit:" + visit + " ") + purpose.name() + " " + why);
        for (NewItem item : found) {
            audit(viewer, "access.request.routed", number + " item:" + item.id().value() + " " + item.archivalCode(),
                    item.classification().name() + " → " + item.role());
        }
        return new FiledRequest(rows.find(id).orElseThrow(), Optional.ofNullable(slip));
    }

    /**
     * The item as the requester may ask for it. A visitor's: found with the clerk's own sight, then only unclassified.
     * A staff member's: within their clearance, whether open or in their data scope or not (that is what they ask).
     * Anything else answers as missing, audited alike.
     */
    private Item findForRequester(ItemId id, boolean forVisitor, Classification clearance, Viewer viewer) {
        Viewer asking = sight(forVisitor, clearance, viewer);
        try {
            Item item = forVisitor ? catalog.item(id, asking) : catalog.itemViewAuditedByCaller(id, asking);
            if (!clearance.covers(item.description().classification())) {
                throw new ItemNotFound(id);
            }
            return item;
        } catch (ItemNotFound e) {
            // apart: the request goes no further, its transaction rolls back, the attempt stays on the trail
            refusal(viewer, "access.request.item-not-found", "item:" + id.value(), null);
            throw new ItemNotFound(id);
        }
    }

    /** The item with that 档号 in the requester's sight, the clearance checked after as for an id; else missing. */
    private ItemId byCode(String code, boolean forVisitor, Classification clearance, Viewer viewer) {
        return references.itemId(code, sight(forVisitor, clearance, viewer)).orElseThrow(() -> {
            refusal(viewer, "access.request.item-not-found", "code:" + code, null);
            return new ItemNotFound(code);
        });
    }

    /** A visitor's request is found with the clerk's own sight; a staff member's with their clearance, any scope. */
    private static Viewer sight(boolean forVisitor, Classification clearance, Viewer viewer) {
        return forVisitor ? viewer : new Viewer(viewer.name(), viewer.address(), clearance, true, Scope.ALL, Set.of());
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /**
     * A request its requester or one of its approvers may read, and a visitor's any clerk of the desk (who sees it in
     * the visit's row); anyone else finds none. A visitor's request shown to someone not of the desk names the
     * visitor by the masked ID number only (visitors' data is the reading room's).
     */
    public AccessRequest request(long id, Viewer viewer) {
        AccessRequest request = rows.find(id).orElseThrow(() -> new AccessProblem(404, "access.request.not-found"));
        if (request.requester().equals(viewer.name())
                || request.forVisitor() && AccessRights.servesReaders(viewer)) {
            return request;
        }
        if (AccessRights.approvesUse(viewer)) {
            Set<String> mine = permissions.myRoles();
            if (request.items().stream().anyMatch(i -> mine.contains(i.routeRole()))) {
                return shownTo(request, viewer);
            }
        }
        throw new AccessProblem(404, "access.request.not-found");
    }

    /** The requests the viewer filed (their own, and visitors' they filed at the desk), newest first. */
    public List<AccessRequest> mine(Viewer viewer) {
        return rows.byRequester(viewer.name(), 200);
    }

    /** For the desk: the requests filed for those visits, by visit, oldest first; only to {@code SERVE_READERS}. */
    public Map<Long, List<AccessRequest>> forVisits(Collection<Long> visitIds, Viewer viewer) {
        if (!AccessRights.servesReaders(viewer)) {
            refusal(viewer, "access.request.not-permitted", "visits", Right.SERVE_READERS.name());
            throw new NotPermitted("problem.not-permitted", Right.SERVE_READERS.name());
        }
        return rows.byVisits(visitIds).stream().collect(Collectors.groupingBy(AccessRequest::visitId,
                LinkedHashMap::new, Collectors.toList()));
    }

    /** The approver's queue: requests with an item waiting for one of their roles, oldest first. */
    public List<AccessRequest> queue(Viewer viewer) {
        requireApprover(viewer, "queue");
        return rows.waitingFor(permissions.myRoles(), 200).stream().map(r -> shownTo(r, viewer)).toList();
    }

    /** The request as the viewer may see it: a visitor's named by the masked ID number unless the viewer serves. */
    private AccessRequest shownTo(AccessRequest r, Viewer viewer) {
        if (!r.forVisitor() || AccessRights.servesReaders(viewer)) {
            return r;
        }
        String masked = visits.visit(r.visitId()).flatMap(v -> visits.visitor(v.visitorId())).map(Visitor::maskedId)
                .orElse("");
        return new AccessRequest(r.id(), r.requester(), masked, r.visitId(), r.purpose(), r.reason(), r.createdAt(),
                r.items());
    }

    /** The visitor's request behind a slip link; a token of another shape or none known is no slip. */
    public AccessRequest bySlip(String slip) {
        return SlipTokens.digest(slip).flatMap(rows::bySlip)
                .orElseThrow(() -> new AccessProblem(404, "access.slip.not-found"));
    }

    /** Whether the item waits for a role the viewer holds, for the approver's page. */
    public boolean decidable(RequestedItem item, Viewer viewer) {
        return item.state() == RequestState.PENDING && AccessRights.approvesUse(viewer)
                && permissions.myRoles().contains(item.routeRole());
    }

    // ---- deciding -------------------------------------------------------------------------------------------

    /**
     * Grants the given items (null or empty: every item waiting for the approver's roles) for {@code days} days
     * (null: the default).
     */
    @Transactional
    public AccessRequest approve(long id, List<ItemId> items, Integer days, Viewer viewer) {
        int period = days == null ? defaultDays : days;
        if (period < 1 || period > maxDays) {
            throw new AccessProblem(400, "access.request.bad-days", maxDays);
        }
        Decision d = decision(id, items, viewer);
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(period));
        for (RequestedItem item : d.items()) {
            if (rows.decide(id, item.itemId(), RequestState.APPROVED, viewer.name(), now, null, until)) {
                audit(viewer, "access.request.approved", d.number() + " item:" + item.itemId().value() + " "
                        + item.archivalCode(), "until " + until);
            }
        }
        return shownTo(rows.find(id).orElseThrow(), viewer);
    }

    /** Refuses the given items (null or empty: every item waiting for the approver's roles) with a reason. */
    @Transactional
    public AccessRequest refuse(long id, List<ItemId> items, String reason, Viewer viewer) {
        String why = text(reason, "access.request.no-refusal");
        Decision d = decision(id, items, viewer);
        Instant now = clock.instant();
        for (RequestedItem item : d.items()) {
            if (rows.decide(id, item.itemId(), RequestState.REFUSED, viewer.name(), now, why, null)) {
                audit(viewer, "access.request.refused", d.number() + " item:" + item.itemId().value() + " "
                        + item.archivalCode(), why);
            }
        }
        return shownTo(rows.find(id).orElseThrow(), viewer);
    }

    private record Decision(String number, List<RequestedItem> items) {
    }

    /** The items the approver decides now, every rule checked: the right, not their own, their role, their sight. */
    private Decision decision(long id, List<ItemId> items, Viewer viewer) {
        requireApprover(viewer, "request:" + id);
        AccessRequest request = request(id, viewer);
        if (request.requester().equals(viewer.name())) {
            refusal(viewer, "access.request.self-approval-refused", request.number(), null);
            throw new AccessProblem(403, "access.request.self-approval");
        }
        Set<String> mine = permissions.myRoles();
        Set<ItemId> wanted = items == null || items.isEmpty() ? null : new LinkedHashSet<>(items);
        List<RequestedItem> chosen = new ArrayList<>();
        for (RequestedItem item : request.items()) {
            if (wanted != null && !wanted.remove(item.itemId())) {
                continue;
            }
            boolean open = item.state() == RequestState.PENDING && mine.contains(item.routeRole());
            if (open) {
                chosen.add(item);
            } else if (wanted != null) {
                throw new AccessProblem(409, "access.request.not-decidable", item.archivalCode());
            }
        }
        if (wanted != null && !wanted.isEmpty()) {
            throw new AccessProblem(409, "access.request.not-decidable", wanted.iterator().next().value());
        }
        if (chosen.isEmpty()) {
            throw new AccessProblem(409, "access.request.nothing-to-decide");
        }
        // the approver reads what they decide on, under their own sight: beyond it, the item is missing to them
        for (RequestedItem item : chosen) {
            try {
                catalog.item(item.itemId(), viewer);
            } catch (ItemNotFound e) {
                refusal(viewer, "access.request.decision-refused", request.number() + " item:" + item.itemId().value(),
                        null);
                throw e;
            }
        }
        return new Decision(request.number(), chosen);
    }

    private void requireApprover(Viewer viewer, String target) {
        if (!AccessRights.approvesUse(viewer)) {
            refusal(viewer, "access.request.not-permitted", target, Right.APPROVE_USE.name());
            throw new NotPermitted("problem.not-permitted", Right.APPROVE_USE.name());
        }
    }

    // ---- input ----------------------------------------------------------------------------------------------

    /** 档号 as typed, each in its normal form; one that is not a 档号 of either shape is bad input. */
    private static List<String> checkedCodes(List<String> codes) {
        List<String> normal = new ArrayList<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            String given = code == null ? "" : code.strip();
            if (given.isEmpty()) {
                continue;
            }
            normal.add(ArchivalCode.normalise(given).orElseThrow(() -> new AccessProblem(400,
                    "access.request.bad-code", given.length() > 40 ? given.substring(0, 40) + "…" : given)));
        }
        return normal;
    }

    private static String text(String given, String missing) {
        if (given == null || given.isBlank()) {
            throw new AccessProblem(400, missing);
        }
        String text = given.strip();
        if (text.length() > MAX_TEXT) {
            throw new AccessProblem(400, "access.request.too-long", MAX_TEXT);
        }
        return text;
    }

    private void audit(Viewer viewer, String action, String target, String after) {
        trail.record(new AuditEvent(viewer.name(), viewer.address(), action, target, null, after));
    }

    private void refusal(Viewer viewer, String action, String target, String after) {
        trail.recordApart(new AuditEvent(viewer.name(), viewer.address(), action, target, null, after));
    }
}
