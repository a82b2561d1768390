package cn.lantai.preservation;

/**
 * No virus scanner gave a verdict: clamd does not answer and clamscan is not installed, or the scanner failed (its
 * database missing or unreadable, a file it could not read). Content must not be stored unscanned, so callers stop
 * and report rather than pass the file as clean.
 */
public class ScannerUnavailable extends RuntimeException {

    public ScannerUnavailable(String message) {
        super(message);
    }

    public ScannerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
