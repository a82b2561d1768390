package cn.lantai.exhibition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An online exhibition (网上展览) as its curators see it: its texts, its cover (a page of an open record), its state,
 * the day it was first published (the yearly figures count it in that year), its visits so far, and its ordered
 * sections of ordered exhibits.
 *
 * @param slug  the short name of its public address ({@code /portal/exhibitions/{slug}}), or null for the id
 * @param cover the cover record's item id, or null
 */
public record Exhibition(long id, String slug, String title, String subtitle, String introduction, Long cover,
        Integer coverPage, ExhibitionState state, String createdBy, Instant publishedAt, LocalDate firstPublishedOn,
        long visits, List<Section> sections) {

    public Exhibition {
        sections = List.copyOf(sections);
    }

    /** How the portal addresses it: its slug, or its id. */
    public String address() {
        return slug != null ? slug : Long.toString(id);
    }

    public int exhibitCount() {
        return sections.stream().mapToInt(s -> s.exhibits().size()).sum();
    }

    /** A part of the exhibition (单元), with its heading, its text and its exhibits in order. */
    public record Section(long id, String title, String text, List<Exhibit> exhibits) {

        public Section {
            exhibits = List.copyOf(exhibits);
        }
    }

    /**
     * A record shown (展品): the catalogue item, its 档号 as the curator named it, the curator's caption (说明), the
     * scanned page shown (null: none), and whether the public may see the record now (if not, the public page leaves
     * it out).
     */
    public record Exhibit(long id, long item, String archivalCode, String caption, Integer page, boolean open) {
    }
}
