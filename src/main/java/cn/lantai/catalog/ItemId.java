package cn.lantai.catalog;

/** Identifies an item (件) across modules. */
public record ItemId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
