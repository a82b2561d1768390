package cn.lantai.digitization;

/**
 * The processing DA/T 31 names that a scan batch asked of an entry's derivatives (access images, PDF, OFD, IIIF): the
 * masters stay as scanned, so each step is applied to what is made from them, and can be undone by making it again.
 *
 * @param rotate degrees clockwise: 0, 90, 180 or 270, or {@link BatchOptions#AUTO_ROTATE} (each page as its detected
 *               orientation asks). Either way each page's own quarter turns are recorded with the page and read with
 *               {@link ScannedPages#turns}.
 */
public record Processing(boolean deskew, boolean cropBorders, int rotate) {

    public static final Processing NONE = new Processing(false, false, 0);

    public static Processing of(BatchOptions options) {
        return new Processing(options.deskew(), options.cropBorders(), options.rotate());
    }
}
