package cn.lantai.exhibition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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

    /**
     * A source: a catalogue item (its id and 档号 as named) or a free text (a book, another archive's holding); a
     * record the reader may not see now is shown {@link #concealed()}: neither its id nor its 档号.
     */
    public record Source(long id, Long item, String archivalCode, String text) {

        /** Whether this is a record beyond the reader's sight, shown without its id and 档号. */
        public boolean concealed() {
            return item == null && text == null;
        }

        Source concealedFrom() {
            return new Source(id, null, null, null);
        }
    }

    /** The project as the reader sees it: sources naming records outside {@code visible} concealed. */
    Compilation seenWith(Set<Long> visible) {
        return new Compilation(id, title, kind, state, editors, summary, plannedStart, plannedEnd, startedOn,
                finishedOn, titles, wanChars, sources.stream()
                        .map(s -> s.item() == null || visible.contains(s.item()) ? s : s.concealedFrom()).toList());
    }
}
