package cn.lantai.access.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import cn.lantai.access.AccessRequests;
import cn.lantai.access.ApprovalRoute;
import cn.lantai.access.ApprovalRoutes;
import cn.lantai.access.FiledRequest;
import cn.lantai.access.Purpose;
import cn.lantai.access.AccessProblem;
import cn.lantai.access.web.RequestViews.RequestView;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests for controlled records in the API: {@code POST /api/v1/access-requests} files one (201; for a visitor, with
 * the slip's link, given only here), {@code GET …/{id}} reads it (its requester or approver), {@code POST …/{id}/approve}
 * and {@code …/refuse} decide its items; {@code GET/PUT /api/v1/access-routes} read and replace the routing rules.
 */
@RestController
class AccessRequestController {

    private final AccessRequests requests;
    private final ApprovalRoutes routes;
    private final MessageSource messages;

    AccessRequestController(AccessRequests requests, ApprovalRoutes routes, MessageSource messages) {
        this.requests = requests;
        this.routes = routes;
        this.messages = messages;
    }

    record Asked(List<Long> items, List<String> archivalCodes, Purpose purpose, String reason, Long visitId) {
    }

    record Approval(List<Long> items, Integer days) {
    }

    record Refusal(List<Long> items, String reason) {
    }

    @PostMapping("/api/v1/access-requests")
    ResponseEntity<RequestView> ask(@RequestBody Asked asked, Viewer viewer) {
        FiledRequest filed = requests.ask(ids(asked.items()), asked.archivalCodes(), asked.purpose(), asked.reason(), asked.visitId(), viewer);
        RequestView view = RequestViews.of(filed.request(), filed.slip().map(RequestViews::slipLink).orElse(null));
        return ResponseEntity.created(URI.create("/api/v1/access-requests/" + view.id())).body(view);
    }

    @GetMapping("/api/v1/access-requests/{id}")
    RequestView request(@PathVariable long id, Viewer viewer) {
        return RequestViews.of(requests.request(id, viewer), null);
    }

    @PostMapping("/api/v1/access-requests/{id}/approve")
    RequestView approve(@PathVariable long id, @RequestBody(required = false) Approval approval, Viewer viewer) {
        Approval given = approval == null ? new Approval(null, null) : approval;
        return RequestViews.of(requests.approve(id, ids(given.items()), given.days(), viewer), null);
    }

    @PostMapping("/api/v1/access-requests/{id}/refuse")
    RequestView refuse(@PathVariable long id, @RequestBody Refusal refusal, Viewer viewer) {
        return RequestViews.of(requests.refuse(id, ids(refusal.items()), refusal.reason(), viewer), null);
    }

    @GetMapping("/api/v1/access-routes")
    List<ApprovalRoute> routes() {
        return routes.routes();
    }

    @PutMapping("/api/v1/access-routes")
    List<ApprovalRoute> replaceRoutes(@RequestBody List<ApprovalRoute> given, Viewer viewer) {
        return routes.replace(given, viewer.name(), viewer.address());
    }

    private static List<ItemId> ids(List<Long> ids) {
        return ids == null ? null : ids.stream().filter(Objects::nonNull).map(ItemId::new).toList();
    }
}
