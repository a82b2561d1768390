package cn.lantai.preservation;

/** A package asked for more records by id than one package takes (answered 400, nothing started). */
public class PackageTooLarge extends IllegalArgumentException {

    private final int limit;

    public PackageTooLarge(int asked, int limit) {
        super(asked + " ids asked for, at most " + limit + " per package");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
