package cn.lantai.exhibition;

import java.math.BigDecimal;

/**
 * A year of exhibitions and compilations, as the yearly statistics count them: exhibitions first published in the
 * year, visits to published exhibitions in the year, compilation projects finished in the year, and their output in
 * titles (种) and in ten thousands of characters (万字).
 */
public record ExhibitionYear(int year, long exhibitionsPublished, long visitors, long compilationsFinished,
        long compilationTitles, BigDecimal compilationWanChars) {
}
