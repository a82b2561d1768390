package cn.lantai.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.lantai.catalog.ItemId;

/**
 * A request for controlled records (调阅申请): a staff member's own, or a visitor's filed at the reading-room desk
 * ({@code visitId} set; {@code requester} is then the clerk who filed it and {@code requesterName} the visitor's name).
 * Its number ({@link #number()}) is printed on the slip and burnt into every delivered page.
 */
public record AccessRequest(long id, String requester, String requesterName, Long visitId, Purpose purpose,
        String reason, Instant createdAt, List<RequestedItem> items) {

    public AccessRequest {
        items = List.copyOf(items);
    }

    /** The request number, {@code DY000042}: 调阅 and the request's id. */
    public String number() {
        return number(id);
    }

    public static String number(long id) {
        return String.format("DY%06d", id);
    }

    /** Whether a visitor asked for it through the desk (else a staff member asked for themselves). */
    public boolean forVisitor() {
        return visitId != null;
    }

    public Optional<RequestedItem> item(ItemId itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
    }
}
