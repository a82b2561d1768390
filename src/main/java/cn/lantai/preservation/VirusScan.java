package cn.lantai.preservation;

/**
 * The virus scanner's verdict on one file: {@link State#CLEAN}, {@link State#INFECTED} with the signature it matched
 * ({@code finding}, e.g. {@code Win.Test.EICAR_HDB-1}), or {@link State#NOT_SCANNED} with the {@code reason} (the file
 * is beyond what the scanner reads: clamd's StreamMaxLength, clamscan's size limits, ClamAV's 2 GB ceiling). A file
 * not scanned is neither clean nor infected: it must not be stored as clean, nor quarantined as a virus.
 * {@code engine} names the scanner and, where it says so, its signature version ({@code ClamAV 1.4.6/27840/…}), for
 * the PREMIS virus-check event's agent.
 */
public record VirusScan(State state, String finding, String reason, String engine) {

    public enum State { CLEAN, INFECTED, NOT_SCANNED }

    public static VirusScan clean(String engine) {
        return new VirusScan(State.CLEAN, null, null, engine);
    }

    public static VirusScan infected(String finding, String engine) {
        return new VirusScan(State.INFECTED, finding, null, engine);
    }

    public static VirusScan notScanned(String reason, String engine) {
        return new VirusScan(State.NOT_SCANNED, null, reason, engine);
    }

    /** Scanned and nothing found. */
    public boolean clean() {
        return state == State.CLEAN;
    }

    /** Scanned and a signature matched: {@link #finding()} names it. */
    public boolean infected() {
        return state == State.INFECTED;
    }

    /** No verdict for this file: {@link #reason()} says why. */
    public boolean notScanned() {
        return state == State.NOT_SCANNED;
    }
}
