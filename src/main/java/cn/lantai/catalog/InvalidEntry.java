package cn.lantai.catalog;

import java.util.List;

/** An entry breaks one or more description rules; nothing was written. */
public class InvalidEntry extends RuntimeException {

    private final List<Violation> violations;

    public InvalidEntry(List<Violation> violations) {
        super("invalid entry: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
