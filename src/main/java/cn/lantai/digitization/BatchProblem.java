package cn.lantai.digitization;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * One problem a scan batch's checks found: its code, the 档号 it concerns (null when the name gave none), the file
 * (batch-relative), the page number (null when it concerns the file or the entry) and the reason: a key of the message
 * bundles ({@code digitization.problem.*}) with its arguments, put in words in the reader's language by
 * {@link #reason(MessageSource, Locale)} (a reason recorded before the keys is its own words).
 */
public record BatchProblem(Code code, String archivalCode, String file, Integer page, String reason,
        List<String> args) {

    public BatchProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A reason without arguments (a key, or words that stand as they are). */
    public BatchProblem(Code code, String archivalCode, String file, Integer page, String reason) {
        this(code, archivalCode, file, page, reason, List.of());
    }

    /** A reason by its key under {@code digitization.problem.}, with its arguments (numbers as they are to be shown). */
    public static BatchProblem of(Code code, String archivalCode, String file, Integer page, String key,
            Object... args) {
        return new BatchProblem(code, archivalCode, file, page, "digitization.problem." + key,
                Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The reason in words of the locale (zh-CN unless asked otherwise). */
    public String reason(MessageSource messages, Locale locale) {
        return messages.getMessage(reason, args.toArray(), reason, locale);
    }

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
