package cn.lantai.audit;

/** Result of checking the chain end to end. */
public record ChainVerification(boolean ok, long entriesChecked, long checkpointsChecked, Long firstBrokenSeq,
        String problem, String detail) {
}
