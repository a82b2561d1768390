package cn.lantai.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Archival code (档号), DA/T 22-2015 §8: {@code 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号}, for example
 * {@code 0012-WS·2019-Y-BGS-0007}. "-" separates levels, "·" joins parts of one level. The organisational code is
 * optional by fonds.
 */
public record ArchivalCode(String fonds, String category, int year, Retention retention, String org, int itemNo) {

    public static final Pattern FONDS = Pattern.compile("[0-9A-Z]{4}");
    public static final Pattern CATEGORY = Pattern.compile("[A-Z]{2}");
    public static final Pattern ORG = Pattern.compile("[0-9A-Z]{1,16}");
    public static final int MAX_ITEM_NO = 9999;

    private static final Pattern SHAPE = Pattern.compile(
            "([0-9A-Z]{4})-([A-Z]{2})[·.．•・]([0-9]{4})-(Y|D30|D10)(?:-([0-9A-Z]{1,16}))?-([0-9]{1,4})");

    public ArchivalCode {
        org = org == null ? "" : org;
    }

    /** Parses a code written by hand or exported by another system; the middle dot may be any common variant. */
    public static Optional<ArchivalCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int itemNo = Integer.parseInt(m.group(6));
        if (itemNo < 1) {
            return Optional.empty();
        }
        return Optional.of(new ArchivalCode(m.group(1), m.group(2), Integer.parseInt(m.group(3)),
                Retention.ofCode(m.group(4)), m.group(5), itemNo));
    }

    /** The group inside which item numbers run gap-free from 1. */
    public String groupKey() {
        return groupKey(fonds, category, year, retention, org);
    }

    public static String groupKey(String fonds, String category, int year, Retention retention, String org) {
        return fonds + "|" + category + "|" + year + "|" + retention.code() + "|" + (org == null ? "" : org);
    }

    public ArchivalCode withItemNo(int number) {
        return new ArchivalCode(fonds, category, year, retention, org, number);
    }

    @Override
    public String toString() {
        String prefix = fonds + "-" + category + "·" + year + "-" + retention.code();
        return (org.isEmpty() ? prefix : prefix + "-" + org) + "-" + String.format("%04d", itemNo);
    }
}
