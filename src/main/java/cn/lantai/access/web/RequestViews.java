package cn.lantai.access.web;

import java.time.Instant;
import java.util.List;

import cn.lantai.access.AccessRequest;
import cn.lantai.access.RequestState;
import cn.lantai.access.RequestedItem;

/** Requests as the API and the pages show them: each item's state as of now (an ended grant reads expired). */
final class RequestViews {

    private RequestViews() {
    }

    record ItemView(long itemId, String archivalCode, String category, String classification, String routeRole,
            RequestState state, String decidedBy, Instant decidedAt, String refusal, Instant grantedUntil) {
    }

    record RequestView(long id, String number, String requester, String requesterName, Long visitId, String purpose,
            String reason, Instant createdAt, List<ItemView> items, String slip) {
    }

    static RequestView of(AccessRequest r, String slip) {
        Instant now = Instant.now();
        return new RequestView(r.id(), r.number(), r.requester(), r.requesterName(), r.visitId(), r.purpose().name(),
                r.reason(), r.createdAt(), r.items().stream().map(i -> of(i, now)).toList(), slip);
    }

    static ItemView of(RequestedItem i, Instant now) {
        return new ItemView(i.itemId().value(), i.archivalCode(), i.category(), i.classification().name(),
                i.routeRole(), i.stateAt(now), i.decidedBy(), i.decidedAt(), i.refusal(), i.grantedUntil());
    }

    /** The slip's address, relative to the site: {@code /portal/requests/{secret}}. */
    static String slipLink(String slip) {
        return "/portal/requests/" + slip;
    }
}
