package cn.lantai.exhibition;

import java.util.List;

/**
 * An exhibition as the public sees it on the portal, and as its curators preview it: only its exhibits whose records
 * the public may read now, each with the record's public fields (title, 档号, date), the curator's caption and, where a
 * page is chosen, the page's IIIF image. Never a working field of the record.
 *
 * @param cover the cover's IIIF image path, or null
 */
public record PublicExhibition(long id, String address, String title, String subtitle, String introduction,
        String cover, List<Section> sections) {

    public PublicExhibition {
        sections = List.copyOf(sections);
    }

    /** A section with the exhibits the public may see. */
    public record Section(String title, String text, List<Exhibit> exhibits) {

        public Section {
            exhibits = List.copyOf(exhibits);
        }
    }

    /**
     * One exhibit on the public page.
     *
     * @param image the IIIF image path of the chosen page (at most 600 px a side), or null
     * @param full  the IIIF image path of the page at full size, or null
     */
    public record Exhibit(long item, String title, String archivalCode, String date, String caption, String image,
            String full) {
    }
}
