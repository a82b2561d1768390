package cn.lantai.catalog;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The validated description of one item: every {@link DescriptionField} in its normal text form (ISO dates, retention
 * codes, enum names), absent when empty.
 */
public final class Description {

    private final Map<DescriptionField, String> values;

    public Description(Map<DescriptionField, String> values) {
        EnumMap<DescriptionField, String> copy = new EnumMap<>(DescriptionField.class);
        values.forEach((field, value) -> {
            if (value != null && !value.isEmpty()) {
                copy.put(field, value);
            }
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    public String get(DescriptionField field) {
        return values.get(field);
    }

    public String getOrEmpty(DescriptionField field) {
        return values.getOrDefault(field, "");
    }

    public Map<DescriptionField, String> asMap() {
        return values;
    }

    public ArchivalCode archivalCode() {
        return new ArchivalCode(get(DescriptionField.FONDS), get(DescriptionField.CATEGORY), year(), retention(),
                getOrEmpty(DescriptionField.ORG), volume(), itemNo());
    }

    /** The group the item is numbered in: its file (卷) if it is in one, else the loose items of its 件 group. */
    public String groupKey() {
        return ArchivalCode.groupKey(get(DescriptionField.FONDS), get(DescriptionField.CATEGORY), year(), retention(),
                getOrEmpty(DescriptionField.ORG), volume());
    }

    /** The group of files or loose items the item belongs to, leaving out the file it is in. */
    public String arrangementGroup() {
        return ArchivalCode.groupKey(get(DescriptionField.FONDS), get(DescriptionField.CATEGORY), year(), retention(),
                getOrEmpty(DescriptionField.ORG));
    }

    /** The number of the file (案卷号) the item is in, or null. */
    public Integer volume() {
        String v = get(DescriptionField.VOLUME);
        return v == null ? null : Integer.valueOf(v);
    }

    public int year() {
        return Integer.parseInt(get(DescriptionField.YEAR));
    }

    public int itemNo() {
        String no = get(DescriptionField.ITEM_NO);
        return no == null ? 0 : Integer.parseInt(no);
    }

    public Retention retention() {
        return Retention.ofCode(get(DescriptionField.RETENTION));
    }

    public Classification classification() {
        String c = get(DescriptionField.CLASSIFICATION);
        return c == null ? Classification.NONE : Classification.valueOf(c);
    }

    public OpenStatus openStatus() {
        String s = get(DescriptionField.OPEN_STATUS);
        return s == null ? OpenStatus.PENDING : OpenStatus.valueOf(s);
    }

    public LocalDate date() {
        String d = get(DescriptionField.DATE);
        return d == null ? null : LocalDate.parse(d);
    }

    public Description with(DescriptionField field, String value) {
        EnumMap<DescriptionField, String> copy = new EnumMap<>(DescriptionField.class);
        copy.putAll(values);
        copy.put(field, value);
        return new Description(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Description d && d.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
