package cn.lantai.digitization;

/**
 * One problem a scan batch's checks found: its code, the 档号 it concerns (null when the name gave none), the file
 * (batch-relative), the page number (null when it concerns the file or the entry) and the reason in words.
 */
public record BatchProblem(Code code, String archivalCode, String file, Integer page, String reason) {

    /**
     * The problems of issue 11. The blocking ones hold the entry (nothing of it is attached until a re-run finds it
     * clean); the others are warnings on pages that are attached as scanned.
     */
    public enum Code {
        LOW_RESOLUTION(false), UNREADABLE(true), BLANK_PAGE(false), PAGE_GAP(true), DUPLICATE_PAGE(false),
        NO_ENTRY(false), NO_IMAGES(false), PAGE_COUNT_MISMATCH(true), UNSAFE_PATH(true), TOO_LARGE(true),
        DUPLICATE_CODE(true), SKEWED(false);

        private final boolean blocking;

        Code(boolean blocking) {
            this.blocking = blocking;
        }

        /** Whether the entry's pages are held rather than attached. */
        public boolean blocking() {
            return blocking;
        }
    }
}
