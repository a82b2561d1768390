package cn.lantai.access;

import java.time.Instant;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.ItemId;

/**
 * One item of a request as its requester and approver see it: the archival code (档号) it was asked by, its category
 * (门类) and classification (密级), the role it was routed to, and its decision. The title is not kept: whoever may read
 * it reads it from the catalogue under their own sight, or through the grant.
 *
 * @param grantedUntil the end of the viewing period of an approved item, else null
 */
public record RequestedItem(ItemId itemId, String archivalCode, String category, Classification classification,
        String routeRole, RequestState state, String decidedBy, Instant decidedAt, String refusal,
        Instant grantedUntil) {

    /** The state as of the given time: an approved item whose period ran out is expired, swept or not. */
    public RequestState stateAt(Instant now) {
        if (state == RequestState.APPROVED && grantedUntil != null && !grantedUntil.isAfter(now)) {
            return RequestState.EXPIRED;
        }
        return state;
    }
}
