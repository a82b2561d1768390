package cn.lantai.audit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a module that writes to the trail names what its entries hold, for people who read the trail (the auditor's
 * page and reports): the module implements it and the trail finds it, so the trail depends on no module. A module
 * answers empty for what it does not know.
 */
public interface AuditVocabulary {

    /** The name of a field an entry's before/after state holds ({@code title} → 题名), in the locale. */
    Optional<String> field(String key, Locale locale);

    /** A stored value of that field as people read it ({@code SECRET} → 机密, {@code Y} → 永久). */
    Optional<String> value(String key, String stored, Locale locale);

    /** A code stored without a field (a right refused, a classification granted) by name. */
    Optional<String> word(String stored, Locale locale);

    /** The ids of the records (件) an archival code (档号) names, to find their entries; none if it names none. */
    default List<Long> records(String archivalCode) {
        return List.of();
    }
}
