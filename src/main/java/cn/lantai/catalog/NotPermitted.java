package cn.lantai.catalog;

/** The person lacks the right for this task (answered 403). */
public class NotPermitted extends CatalogProblem {

    public NotPermitted(CatalogRight right) {
        super("problem.not-permitted", right.name());
    }

    /** Refused for another reason than a missing right, e.g. a record beyond the person's reach. */
    public NotPermitted(String code, Object... args) {
        super(code, args);
    }
}
