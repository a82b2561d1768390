package cn.lantai.catalog.internal.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Finds the rows whose item numbers (件号) would leave a gap in their group: numbers must continue the group from the
 * highest number already in the catalogue, one after another. Kept compact: one long per row (number, row).
 */
final class NumberGaps {

    /** A row whose number would leave a gap, and the number that was due there. */
    record Gap(int row, int number, int expected) {
    }

    private final Map<String, long[]> groups = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();

    void add(String group, int number, int row) {
        long[] rows = groups.computeIfAbsent(group, g -> new long[16]);
        int size = sizes.getOrDefault(group, 0);
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
            groups.put(group, rows);
        }
        rows[size] = ((long) number << 32) | (row & 0xffffffffL);
        sizes.put(group, size + 1);
    }

    /** @param highestInCatalogue the highest number each group already has in the catalogue (0 for none) */
    List<Gap> gaps(ToIntFunction<String> highestInCatalogue) {
        List<Gap> gaps = new ArrayList<>();
        groups.forEach((group, rows) -> {
            long[] sorted = Arrays.copyOf(rows, sizes.get(group));
            Arrays.sort(sorted);
            int expected = highestInCatalogue.applyAsInt(group) + 1;
            boolean broken = false;
            for (long packed : sorted) {
                int number = (int) (packed >>> 32);
                int row = (int) packed;
                if (number < expected && !broken) {
                    continue;
                }
                if (!broken && number == expected) {
                    expected++;
                } else {
                    broken = true;
                    gaps.add(new Gap(row, number, expected));
                }
            }
        });
        return gaps;
    }
}
