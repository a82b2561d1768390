package cn.lantai.exhibition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A compilation project (编研项目): its title, kind, editors and summary, its planned and actual dates, its output once
 * finished (titles, 种, and ten thousands of characters, 万字) and its sources.
 */
public record Compilation(long id, String title, CompilationKind kind, CompilationState state, String editors,
        String summary, LocalDate plannedStart, LocalDate plannedEnd, LocalDate startedOn, LocalDate finishedOn,
        Integer titles, BigDecimal wanChars, List<Source> sources) {

    public Compilation {
        sources = List.copyOf(sources);
    }

    /** A source: a catalogue item (its id and 档号 as named) or a free text (a book, another archive's holding). */
    public record Source(long id, Long item, String archivalCode, String text) {
    }
}
