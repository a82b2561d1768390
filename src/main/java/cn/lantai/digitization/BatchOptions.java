package cn.lantai.digitization;

/**
 * A scan batch's thresholds, processing and scope, set when it is submitted.
 *
 * @param minDpi       the least resolution a page must state (DA/T 31: 200 dpi; 300 for small or dense text)
 * @param denseText    the batch holds small or dense text: the least resolution is at least 300 dpi
 * @param maxSkew      degrees a page may lean before it is reported SKEWED (when it is not deskewed)
 * @param blankCheck   whether pages are looked at for being blank
 * @param deskew       derivatives are straightened (the master stays as scanned)
 * @param cropBorders  derivatives lose their black scanner borders
 * @param rotate       derivatives are turned by this many degrees clockwise (0, 90, 180, 270), or {@link
 *                     #AUTO_ROTATE}: each page by the turn that makes it upright as the OCR engine detects its
 *                     orientation (pages it cannot tell stay as scanned)
 * @param scope        an archival-code prefix (e.g. {@code 0012-WS·2019}): the entries under it without images are
 *                     reported NO_IMAGES; null or blank reports none
 */
public record BatchOptions(int minDpi, boolean denseText, double maxSkew, boolean blankCheck, boolean deskew,
        boolean cropBorders, int rotate, String scope) {

    public static final int DEFAULT_DPI = 200;
    public static final int DENSE_TEXT_DPI = 300;
    public static final double DEFAULT_SKEW = 2.0;
    /** {@code rotate=auto}: each page's orientation is detected by the OCR engine (kept as -1 in the stored options). */
    public static final int AUTO_ROTATE = -1;

    public BatchOptions {
        if (minDpi == 0) {
            minDpi = DEFAULT_DPI;
        }
        if (minDpi < 1 || minDpi > 4800) {
            throw new BatchRefused("digitization.batch.bad-dpi", minDpi);
        }
        if (Double.isNaN(maxSkew) || maxSkew < 0 || maxSkew > 45) {
            throw new BatchRefused("digitization.batch.bad-skew", maxSkew);
        }
        if (rotate != AUTO_ROTATE && (rotate % 90 != 0 || rotate < 0 || rotate >= 360)) {
            throw new BatchRefused("digitization.batch.bad-rotate", rotate);
        }
        scope = scope == null || scope.isBlank() ? null : scope.strip();
        if (scope != null && (scope.length() > 60 || scope.chars().anyMatch(c -> c < 0x20))) {
            throw new BatchRefused("digitization.batch.bad-scope");
        }
    }

    public static BatchOptions defaults() {
        return new BatchOptions(DEFAULT_DPI, false, DEFAULT_SKEW, true, false, false, 0, null);
    }

    /** The resolution a page must state: the batch's least, raised to 300 dpi for dense text. */
    public int requiredDpi() {
        return denseText ? Math.max(minDpi, DENSE_TEXT_DPI) : minDpi;
    }

    /** Whether each page's orientation is detected by the OCR engine ({@code rotate=auto}). */
    public boolean autoRotate() {
        return rotate == AUTO_ROTATE;
    }

    /**
     * The option as people write it: {@code auto}, or degrees clockwise (0, 90, 180, 270); null or blank is 0.
     *
     * @throws BatchRefused for anything else
     */
    public static int rotation(String option) {
        if (option == null || option.isBlank()) {
            return 0;
        }
        String o = option.strip();
        if (o.equalsIgnoreCase("auto")) {
            return AUTO_ROTATE;
        }
        if (o.length() > 4 || !o.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BatchRefused("digitization.batch.bad-rotate", o.length() > 20 ? o.substring(0, 20) + "…" : o);
        }
        return Integer.parseInt(o);
    }

    /** Whether any processing of the derivatives is asked for. */
    public boolean processing() {
        return deskew || cropBorders || rotate != 0;
    }
}
