package cn.lantai.accession;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.lantai.accession.PropertyCheck.Property;

/**
 * The four-properties report of one package or record: every check made, passed ones included, so the report shows
 * what was looked at; each fault is one failed check.
 */
public record FourPropertiesReport(List<PropertyCheck> checks) {

    public FourPropertiesReport {
        checks = List.copyOf(checks);
    }

    /** True when no check failed. */
    public boolean passed() {
        return checks.stream().noneMatch(PropertyCheck::failed);
    }

    public List<PropertyCheck> failures() {
        return checks.stream().filter(PropertyCheck::failed).toList();
    }

    /** Passed and failed checks of each property. */
    public Map<Property, Counts> counts() {
        Map<Property, Counts> counts = new EnumMap<>(Property.class);
        for (Property p : Property.values()) {
            long failed = checks.stream().filter(c -> c.property() == p && c.failed()).count();
            long all = checks.stream().filter(c -> c.property() == p).count();
            counts.put(p, new Counts(all - failed, failed));
        }
        return counts;
    }

    public record Counts(long passed, long failed) {
    }
}
