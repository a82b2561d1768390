package cn.lantai.stacks;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in the stacks (库房-列-节-层): a room's code, then the row (列), section (节) and shelf (层) within its layout,
 * all counted from 1. Written {@code K01-03-12-4} (row and section two digits, as on the shelves' ends).
 */
public record Location(String room, int row, int section, int shelf) {

    /** The longest text read as a location: anything longer is refused unread. */
    public static final int MAX_TEXT = 40;

    // the room's code may hold hyphens itself: the three numbers are read from the right
    private static final Pattern CODE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]{0,15})-([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,2})");

    /**
     * Reads a location as people type it: full-width digits, letters and hyphens (ＫＯ１－０３…) and spaces anywhere
     * are taken as their plain forms. Only the shape is read here; whether the room exists and the numbers lie within
     * its layout is the stacks' to say.
     */
    public static Optional<Location> parse(String text) {
        if (text == null || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "")
                .replaceAll("[‐‑‒–—―－]", "-");
        Matcher m = CODE.matcher(plain);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Location(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4))));
    }

    /** Whether the place lies within the room's layout (and is in that room). */
    public boolean within(Room r) {
        return r.code().equals(room) && row >= 1 && row <= r.rows() && section >= 1 && section <= r.sections()
                && shelf >= 1 && shelf <= r.shelves();
    }

    @Override
    public String toString() {
        return String.format("%s-%02d-%02d-%d", room, row, section, shelf);
    }
}
