package cn.lantai.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;

/**
 * A live grant: an approved item of a request whose viewing period has not ended, found for its requester (the
 * staff member's session, or the visitor's slip link) by {@link GrantedCopies}. Made only in this package, after the
 * grant was checked, so nobody can widen their sight by making one.
 */
public final class Grant {

    private static final ZoneId ARCHIVE_ZONE = ZoneId.of("Asia/Shanghai");

    private final AccessRequest request;
    private final RequestedItem item;
    private final String address;

    Grant(AccessRequest request, RequestedItem item, String address) {
        this.request = request;
        this.item = item;
        this.address = address;
    }

    public AccessRequest request() {
        return request;
    }

    public RequestedItem item() {
        return item;
    }

    public Instant until() {
        return item.grantedUntil();
    }

    /**
     * The reader the catalogue and the derivatives see for this grant alone: named after the request and its
     * requester, cleared for exactly the item's classification, seeing it although not open. Never given out.
     */
    Viewer reader() {
        Classification level = item.classification();
        return new Viewer(request.number() + " " + request.requesterName(), address, level, true, null, Set.of());
    }

    /** The lines burnt into every delivered page: who, when (the archive's date), which request. */
    List<String> watermark(Instant now) {
        return List.of(request.requesterName(), LocalDate.ofInstant(now, ARCHIVE_ZONE).toString(),
                request.number());
    }
}
