package cn.lantai.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Archival code (档号), DA/T 22-2015 §8: {@code 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号}, for example
 * {@code 0012-WS·2019-Y-BGS-0007}. "-" separates levels, "·" joins parts of one level. The organisational code is
 * optional by fonds.
 *
 * <p>Where a group is arranged in files (卷) rather than loose items, the file's number (案卷号) is a level of its
 * own before the number inside the file (卷内件号): {@code 0012-WS·1988-Y-BGS-0003-0012} is item 12 of file 3. A group
 * is arranged one way or the other, never both, so a code is read as a file item only where its row says it is one
 * (it carries a 案卷号).
 *
 * @param volume the file's number (案卷号), or null for an item not in a file
 */
public record ArchivalCode(String fonds, String category, int year, Retention retention, String org, Integer volume,
        int itemNo) {

    public static final Pattern FONDS = Pattern.compile("[0-9A-Z]{4}");
    public static final Pattern CATEGORY = Pattern.compile("[A-Z]{2}");
    public static final Pattern ORG = Pattern.compile("[0-9A-Z]{1,16}");
    public static final int MAX_ITEM_NO = 9999;

    private static final String HEAD = "([0-9A-Z]{4})-([A-Z]{2})[·.．•・]([0-9]{4})-(Y|D30|D10)";
    private static final Pattern ITEM = Pattern.compile(HEAD + "(?:-([0-9A-Z]{1,16}))?-([0-9]{1,4})");
    private static final Pattern FILE_ITEM = Pattern.compile(HEAD + "(?:-([0-9A-Z]{1,16}))?-([0-9]{1,4})-([0-9]{1,4})");

    public ArchivalCode {
        org = org == null ? "" : org;
    }

    /** An item not in a file (件). */
    public ArchivalCode(String fonds, String category, int year, Retention retention, String org, int itemNo) {
        this(fonds, category, year, retention, org, null, itemNo);
    }

    /** Parses the code of an item not in a file, written by hand or exported by another system. */
    public static Optional<ArchivalCode> parse(String text) {
        Matcher m = matcher(ITEM, text);
        if (m == null) {
            return Optional.empty();
        }
        return build(m, null, Integer.parseInt(m.group(6)));
    }

    /** Parses the code of an item in a file: its last two levels are the 案卷号 and the 卷内件号. */
    public static Optional<ArchivalCode> parseInFile(String text) {
        Matcher m = matcher(FILE_ITEM, text);
        if (m == null) {
            return Optional.empty();
        }
        int volume = Integer.parseInt(m.group(6));
        return volume < 1 ? Optional.empty() : build(m, volume, Integer.parseInt(m.group(7)));
    }

    /** The code in its normal form if the text is one (of either shape): what a search for a 档号 looks for. */
    public static Optional<String> normalise(String text) {
        return parse(text).or(() -> parseInFile(text)).map(ArchivalCode::toString);
    }

    private static Matcher matcher(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text.strip().toUpperCase(Locale.ROOT));
        return m.matches() ? m : null;
    }

    private static Optional<ArchivalCode> build(Matcher m, Integer volume, int itemNo) {
        if (itemNo < 1) {
            return Optional.empty();
        }
        return Optional.of(new ArchivalCode(m.group(1), m.group(2), Integer.parseInt(m.group(3)),
                Retention.ofCode(m.group(4)), m.group(5), volume, itemNo));
    }

    /** The group inside which item numbers run gap-free from 1: the 件 group, or one file (卷). */
    public String groupKey() {
        return groupKey(fonds, category, year, retention, org, volume);
    }

    /** The group of loose items, or of files (卷), of one fonds, category, year, retention and org code. */
    public static String groupKey(String fonds, String category, int year, Retention retention, String org) {
        return fonds + "|" + category + "|" + year + "|" + retention.code() + "|" + (org == null ? "" : org);
    }

    public static String groupKey(String fonds, String category, int year, Retention retention, String org,
            Integer volume) {
        String group = groupKey(fonds, category, year, retention, org);
        return volume == null ? group : group + "|" + volume;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(fonds).append('-').append(category).append('·').append(year).append('-')
                .append(retention.code());
        if (!org.isEmpty()) {
            sb.append('-').append(org);
        }
        if (volume != null) {
            sb.append('-').append(String.format("%04d", volume));
        }
        return sb.append('-').append(String.format("%04d", itemNo)).toString();
    }
}
