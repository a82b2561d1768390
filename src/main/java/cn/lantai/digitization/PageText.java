package cn.lantai.digitization;

import cn.lantai.catalog.ItemId;
import java.util.List;

/**
 * The text OCR read on one page: the engine that read it, the text in reading order, and its words (or lines, as the
 * engine gives them) with their boxes in the page's pixels, for a PDF's invisible text layer and for highlighting.
 */
public record PageText(ItemId item, int page, String engine, String text, List<Word> words) {

    public PageText {
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** A word or line and its box: left, top, width and height in pixels of the page as scanned. */
    public record Word(String text, int x, int y, int width, int height) {
    }
}
