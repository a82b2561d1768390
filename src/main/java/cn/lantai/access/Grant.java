package cn.lantai.access;

import java.time.Instant;
import java.time.LocalDate;
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

    private final AccessRequest request;
    private final RequestedItem item;
    private final String requester;
    private final String address;

    /** {@code requester}: {@code visitor:<id>} for a visitor's request, the staff member's account for their own. */
    Grant(AccessRequest request, RequestedItem item, String requester, String address) {
        this.request = request;
        this.item = item;
        this.requester = requester;
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
     * requester ({@code DY000042 visitor:7}: never a visitor's name, since the audit trail it names is kept for ever
     * and a visitor's personal data only for the retention), cleared for exactly the item's classification, seeing it
     * although not open. Never given out.
     */
    Viewer reader() {
        Classification level = item.classification();
        return new Viewer(request.number() + " " + requester, address, level, true, null, Set.of());
    }

    /** The lines burnt into every delivered page: who (by name), when (the archive's date), which request. */
    List<String> watermark(LocalDate day) {
        return List.of(request.requesterName(), day.toString(), request.number());
    }
}
