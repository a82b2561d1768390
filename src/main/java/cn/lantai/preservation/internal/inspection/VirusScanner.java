package cn.lantai.preservation.internal.inspection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.lantai.preservation.VirusScan;

/** One way of asking ClamAV for verdicts: the daemon over its socket ({@link Clamd}) or the command ({@link Clamscan}). */
public interface VirusScanner {

    /** Verdicts for every file given (absolute, normalised, regular files), in one call where the scanner allows. */
    Map<Path, VirusScan> scan(List<Path> files);
}
