package cn.lantai.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import cn.lantai.access.Purpose;
import cn.lantai.access.UseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The use ledger (table {@code access_use}): every use the statistics count, written where it happens (a visit
 * registered, an item used, pages copied, a download, a print, a certificate issued), in the caller's transaction,
 * so a use is counted exactly when it took place. The statistics read nothing else.
 */
@Component
public class UseLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    UseLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /**
     * One use.
     *
     * @param visitId  the reading-room visit it belongs to, or null (a request served online, a staff member's use)
     * @param itemId   the item used, or null for a visit
     * @param level    {@code 卷} or {@code 件} for an item ({@code VOLUME} or {@code ITEM}), null for a visit
     * @param category the item's category code (门类), null for a visit
     * @param purpose  the use's purpose, never null
     * @param quantity how many (pages for {@link UseKind#PAGES_COPIED}, else 1)
     * @param actor    who recorded it (the desk clerk, the visitor's request, the system)
     */
    public void record(UseKind kind, Long visitId, Long itemId, String level, String category, Purpose purpose,
            int quantity, String actor) {
        record(kind, visitId, itemId, level, category, purpose, quantity, actor, clock.instant());
    }

    /**
     * A file or item used ({@link UseKind#ITEM_USED}), counted only the first time in its scope: the visit (a desk
     * entry, or a viewing under a request filed for the visit), or the request of a staff member (no visit). True
     * when this call counted it.
     */
    public boolean itemUsedOnce(Long visitId, long requestId, long refId, String level, String category,
            Purpose purpose, String actor, Instant at) {
        String scope = visitId != null ? "visit:" + visitId : "request:" + requestId;
        int inserted = jdbc.sql("""
                INSERT INTO access_item_counted (scope, item_level, ref_id, at) VALUES (:scope, :level, :ref, :at)
                ON CONFLICT DO NOTHING""")
                .param("scope", scope).param("level", level).param("ref", refId).param("at", Timestamp.from(at))
                .update();
        if (inserted == 1) {
            record(UseKind.ITEM_USED, visitId, refId, level, category, purpose, 1, actor, at);
        }
        return inserted == 1;
    }

    /** {@link #record(UseKind, Long, Long, String, String, Purpose, int, String)} at a given time (imports, tests). */
    public void record(UseKind kind, Long visitId, Long itemId, String level, String category, Purpose purpose,
            int quantity, String actor, Instant at) {
        if (kind == null || purpose == null || quantity < 0) {
            throw new IllegalArgumentException("a use needs a kind, a purpose and a quantity of at least 0");
        }
        jdbc.sql("""
                INSERT INTO access_use (at, kind, visit_id, item_id, item_level, category, purpose, quantity, actor)
                VALUES (:at, :kind, :visit, :item, :level, :category, :purpose, :quantity, :actor)""")
                .param("at", Timestamp.from(at)).param("kind", kind.name()).param("visit", visitId)
                .param("item", itemId).param("level", level).param("category", category)
                .param("purpose", purpose.name()).param("quantity", quantity)
                .param("actor", actor == null ? "system" : actor).update();
    }
}
