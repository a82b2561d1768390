package cn.lantai.audit.internal;

/** The newest entry of the chain: its number and digest. seq 0 with {@link ChainDigest#GENESIS} is the empty trail. */
public record Head(long seq, String digest) {

    public static final Head EMPTY = new Head(0, ChainDigest.GENESIS);
}
