package cn.lantai.preservation;

/**
 * The verdict of the virus scanner on one file: clean, or the signature it matched ({@code finding}, e.g.
 * {@code Win.Test.EICAR_HDB-1}); {@code engine} names the scanner and, where it says so, its signature version
 * ({@code ClamAV 1.4.6/27840/…}), for the PREMIS virus-check event's agent.
 */
public record VirusScan(boolean clean, String finding, String engine) {

    public static VirusScan clean(String engine) {
        return new VirusScan(true, null, engine);
    }

    public static VirusScan infected(String finding, String engine) {
        return new VirusScan(false, finding, engine);
    }
}
