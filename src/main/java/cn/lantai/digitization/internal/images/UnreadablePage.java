package cn.lantai.digitization.internal.images;

/** A page image that cannot be read: truncated, damaged, encrypted, of an unknown format, or too large to decode. */
public class UnreadablePage extends RuntimeException {

    public UnreadablePage(String message) {
        super(message);
    }

    public UnreadablePage(String message, Throwable cause) {
        super(message, cause);
    }
}
