package cn.lantai.digitization.internal.derivatives;

import cn.lantai.digitization.PageText.Word;
import cn.lantai.digitization.ScanPage;
import java.nio.file.Path;
import java.util.List;

/**
 * One page of an entry's PDF or OFD: its size in the master's pixels and the resolution that makes them a physical
 * size (300 dpi where the master states none), its access image ({@code null} when the master could not be read: the
 * page is then left blank but for {@code note}, so page numbers still match the entry's), and the OCR words with
 * their boxes in the master's pixels.
 */
record Sheet(int page, int width, int height, int dpiX, int dpiY, Path image, List<Word> words, String note) {

    static final int DEFAULT_DPI = 300;

    static Sheet of(ScanPage page, Path image, List<Word> words, String note) {
        return new Sheet(page.page(), page.width(), page.height(), page.dpiX() > 0 ? page.dpiX() : DEFAULT_DPI,
                page.dpiY() > 0 ? page.dpiY() : (page.dpiX() > 0 ? page.dpiX() : DEFAULT_DPI), image,
                words == null ? List.of() : words, note);
    }

    /** The page's width and height in inches. */
    double widthInches() {
        return width / (double) dpiX;
    }

    double heightInches() {
        return height / (double) dpiY;
    }
}
