package cn.lantai.digitization.internal.ocr;

/**
 * The engine is shutting down with the application: the page was not read, and it is not a failure of the page. The
 * OCR job stops without an outcome and is resumed at the next start.
 */
class OcrStopped extends RuntimeException {

    OcrStopped() {
        super("the OCR engine is shutting down with the application");
    }
}
