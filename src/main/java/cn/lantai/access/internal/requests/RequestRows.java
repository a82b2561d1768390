package cn.lantai.access.internal.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.lantai.access.AccessRequest;
import cn.lantai.access.Purpose;
import cn.lantai.access.RequestState;
import cn.lantai.access.RequestedItem;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.ItemId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** Requests and their items (tables {@code access_request}, {@code access_request_item}). */
@Component
public class RequestRows {

    private static final String REQUEST = """
            SELECT id, requester, requester_name, visit_id, purpose, reason, created_at FROM access_request""";
    private static final String ITEMS = """
            SELECT request_id, item_id, archival_code, category, classification, route_role, state, decided_by,
                   decided_at, refusal, granted_until FROM access_request_item""";

    private final JdbcClient jdbc;

    RequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An item to insert with its request: as found in the catalogue, and where it was routed. */
    public record NewItem(ItemId id, String archivalCode, String category, Classification classification,
            String role) {
    }

    public long insert(String requester, String requesterName, Long visitId, Classification clearance,
            Purpose purpose, String reason, String slipDigest, Instant at, List<NewItem> items) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO access_request (requester, requester_name, visit_id, clearance, purpose, reason,
                                            slip_digest, created_at)
                VALUES (:requester, :name, :visit, :clearance, :purpose, :reason, :slip, :at)""")
                .param("requester", requester).param("name", requesterName).param("visit", visitId)
                .param("clearance", clearance.name()).param("purpose", purpose.name()).param("reason", reason)
                .param("slip", slipDigest).param("at", Timestamp.from(at))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (NewItem item : items) {
            jdbc.sql("""
                    INSERT INTO access_request_item (request_id, item_id, archival_code, category, classification,
                                                     route_role, state)
                    VALUES (?, ?, ?, ?, ?, ?, 'PENDING')""")
                    .params(id, item.id().value(), item.archivalCode(), item.category(),
                            item.classification().name(), item.role())
                    .update();
        }
        return id;
    }

    public Optional<AccessRequest> find(long id) {
        return jdbc.sql(REQUEST + " WHERE id = ?").params(id).query(RequestRows::request).optional()
                .map(r -> withItems(List.of(r)).get(0));
    }

    public Optional<AccessRequest> bySlip(String digest) {
        return jdbc.sql(REQUEST + " WHERE slip_digest = ?").params(digest).query(RequestRows::request).optional()
                .map(r -> withItems(List.of(r)).get(0));
    }

    /** The requester's requests, newest first, at most {@code limit}. */
    public List<AccessRequest> byRequester(String requester, int limit) {
        return withItems(jdbc.sql(REQUEST + " WHERE requester = ? ORDER BY created_at DESC, id DESC")
                .params(requester).query(RequestRows::request).list().stream().limit(limit).toList());
    }

    /** The requests filed for the visits, oldest first. */
    public List<AccessRequest> byVisits(Collection<Long> visits) {
        if (visits.isEmpty()) {
            return List.of();
        }
        return withItems(jdbc.sql(REQUEST + " WHERE visit_id IN (:visits) ORDER BY created_at, id")
                .param("visits", visits).query(RequestRows::request).list());
    }

    /** Requests with an item waiting for one of the roles, oldest first, at most {@code limit}. */
    public List<AccessRequest> waitingFor(Collection<String> roles, int limit) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return withItems(jdbc.sql(REQUEST + " " + """
                 WHERE id IN (SELECT request_id FROM access_request_item
                              WHERE state = 'PENDING' AND route_role IN (:roles))
                 ORDER BY created_at, id""").param("roles", roles).query(RequestRows::request).list()
                .stream().limit(limit).toList());
    }

    /** Decides a pending item; false when it is no longer pending (decided meanwhile). */
    public boolean decide(long request, ItemId item, RequestState state, String by, Instant at, String refusal,
            Instant grantedUntil) {
        return jdbc.sql("""
                UPDATE access_request_item SET state = ?, decided_by = ?, decided_at = ?, refusal = ?,
                       granted_until = ?
                WHERE request_id = ? AND item_id = ? AND state = 'PENDING'""")
                .params(state.name(), by, Timestamp.from(at), refusal,
                        grantedUntil == null ? null : Timestamp.from(grantedUntil), request, item.value())
                .update() == 1;
    }

    /** Notes the item's first viewing under the request (a later one changes nothing). */
    public void firstViewing(long request, ItemId item, Instant at) {
        jdbc.sql("""
                UPDATE access_request_item SET first_viewed_at = ?
                WHERE request_id = ? AND item_id = ? AND first_viewed_at IS NULL""")
                .params(Timestamp.from(at), request, item.value()).update();
    }

    /** Approved items whose viewing period ended by the given time, not yet marked expired. */
    public List<long[]> lapsed(Instant now) {
        return jdbc.sql("""
                SELECT request_id, item_id FROM access_request_item
                WHERE state = 'APPROVED' AND granted_until <= ?""")
                .params(Timestamp.from(now)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** Marks an approved, lapsed item expired; true only for the call that marked it. */
    public boolean expire(long request, long item, Instant now) {
        return jdbc.sql("""
                UPDATE access_request_item SET state = 'EXPIRED'
                WHERE request_id = ? AND item_id = ? AND state = 'APPROVED' AND granted_until <= ?""")
                .params(request, item, Timestamp.from(now)).update() == 1;
    }

    private List<AccessRequest> withItems(List<AccessRequest> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        Map<Long, List<RequestedItem>> items = new LinkedHashMap<>();
        requests.forEach(r -> items.put(r.id(), new ArrayList<>()));
        jdbc.sql(ITEMS + " WHERE request_id IN (:ids) ORDER BY request_id, archival_code, item_id")
                .param("ids", items.keySet())
                .query(rs -> {
                    items.get(rs.getLong(1)).add(item(rs));
                });
        return requests.stream().map(r -> new AccessRequest(r.id(), r.requester(), r.requesterName(), r.visitId(),
                r.purpose(), r.reason(), r.createdAt(), items.get(r.id()))).toList();
    }

    private static AccessRequest request(ResultSet rs, int n) throws SQLException {
        long visit = rs.getLong(4);
        Long visitId = rs.wasNull() ? null : visit;
        return new AccessRequest(rs.getLong(1), rs.getString(2), rs.getString(3), visitId,
                Purpose.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant(), List.of());
    }

    private static RequestedItem item(ResultSet rs) throws SQLException {
        return new RequestedItem(new ItemId(rs.getLong(2)), rs.getString(3), rs.getString(4),
                Classification.valueOf(rs.getString(5)), rs.getString(6), RequestState.valueOf(rs.getString(7)),
                rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
