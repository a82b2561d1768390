package cn.lantai.catalog;

import java.util.List;

/**
 * A category's field definitions would be tightened below what records already hold (a field made mandatory that
 * items lack, a vocabulary narrowed or a length shortened under stored values); one violation per field, naming how
 * many records and one example 档号. Nothing was changed.
 */
public class FieldsInUse extends CatalogConflict {

    private final transient List<Violation> violations;

    public FieldsInUse(List<Violation> violations) {
        super("registry.fields-in-use", violations.size());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
