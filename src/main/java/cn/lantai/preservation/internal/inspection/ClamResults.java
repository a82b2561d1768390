package cn.lantai.preservation.internal.inspection;

import cn.lantai.preservation.VirusScan;

/**
 * Reads ClamAV's result for one file, the same from clamd and clamscan: {@code OK}, {@code <signature> FOUND}, or
 * {@code … ERROR}. {@code Heuristics.Limits.Exceeded…} (what {@code --alert-exceeds-max} reports for a file beyond
 * the size limits, as a clean 3 GB video) is no signature: the file was not scanned.
 */
final class ClamResults {

    private static final String FOUND = " FOUND";
    private static final String LIMITS_EXCEEDED = "Heuristics.Limits.Exceeded";

    private ClamResults() {
    }

    /** The verdict the result gives, or {@code null} when it is none (an error, an unknown answer). */
    static VirusScan verdict(String result, String engine) {
        if (result.equals("OK") || result.equals("Empty file")) {
            return VirusScan.clean(engine);
        }
        if (result.endsWith(FOUND)) {
            String finding = result.substring(0, result.length() - FOUND.length());
            return finding.startsWith(LIMITS_EXCEEDED)
                    ? VirusScan.notScanned("beyond the scanner's size limits (" + finding + ")", engine)
                    : VirusScan.infected(finding, engine);
        }
        return null;
    }
}
