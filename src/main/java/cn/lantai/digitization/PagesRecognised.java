package cn.lantai.digitization;

import cn.lantai.catalog.ItemId;
import java.util.List;

/** Published after OCR stored the text of an entry's pages: the search index and the PDF's text layer follow it. */
public record PagesRecognised(ItemId item, List<Integer> pages) {

    public PagesRecognised {
        pages = List.copyOf(pages);
    }
}
