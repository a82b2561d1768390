package cn.lantai.audit;

import java.time.Instant;
import java.util.List;

/**
 * What an auditor looks for; every part optional (null = any). {@code actor}, {@code target} and {@code address}
 * match as substrings (ignoring case), {@code action} exactly; {@code from} is inclusive, {@code to} exclusive.
 * {@code items} are records (件) by id: an entry about any of them matches as well as one whose target contains
 * {@code target} (a 档号 names both: the entries that spell it and those of the item it belongs to).
 * {@code operation} is one catalogue operation (an import, a bulk edit): its entries name it as {@code op:<n>}.
 */
public record AuditQuery(String actor, String action, String target, String address, List<Long> items,
        Long operation, Instant from, Instant to) {

    public AuditQuery {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public AuditQuery(String actor, String action, String target, Instant from, Instant to) {
        this(actor, action, target, null, List.of(), null, from, to);
    }

    /** Every entry. */
    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null);
    }
}
