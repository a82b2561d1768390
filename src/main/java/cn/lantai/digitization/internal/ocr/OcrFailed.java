package cn.lantai.digitization.internal.ocr;

/** An engine could not read a page: it crashed, passed its deadline, or is not installed. */
public class OcrFailed extends RuntimeException {

    public OcrFailed(String message) {
        super(message);
    }

    public OcrFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
