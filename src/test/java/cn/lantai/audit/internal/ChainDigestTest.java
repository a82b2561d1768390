package cn.lantai.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain's digest: SM3 as GB/T 32905 defines it, over content no two different entries share. */
class ChainDigestTest {

    @Test
    void sm3GivesTheStandardsExampleDigest() {
        SM3Digest sm3 = new SM3Digest();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        sm3.update(abc, 0, abc.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        assertThat(HexFormat.of().formatHex(out))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        String a = ChainDigest.of(ChainDigest.GENESIS, 1, 5, "ab", "c", "x", null, null, null);
        String b = ChainDigest.of(ChainDigest.GENESIS, 1, 5, "a", "bc", "x", null, null, null);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void anAbsentValueDiffersFromAnEmptyOne() {
        assertThat(ChainDigest.of(ChainDigest.GENESIS, 1, 5, "a", null, "x", null, null, null))
                .isNotEqualTo(ChainDigest.of(ChainDigest.GENESIS, 1, 5, "a", "", "x", null, null, null));
    }

    @Test
    void theNumberTheTimeAndThePreviousDigestAreAllPartOfTheDigest() {
        String base = ChainDigest.of(ChainDigest.GENESIS, 1, 5, "a", null, "x", null, null, null);
        assertThat(ChainDigest.of(ChainDigest.GENESIS, 2, 5, "a", null, "x", null, null, null)).isNotEqualTo(base);
        assertThat(ChainDigest.of(ChainDigest.GENESIS, 1, 6, "a", null, "x", null, null, null)).isNotEqualTo(base);
        assertThat(ChainDigest.of("1".repeat(64), 1, 5, "a", null, "x", null, null, null)).isNotEqualTo(base);
        assertThat(base).matches("[0-9a-f]{64}");
    }

    @Test
    void textIsCleanedOnlyWhereADatabaseCouldNotKeepIt() {
        assertThat(ChainAppender.clean("档案 \uD83D\uDCC1 ok", 100)).isEqualTo("档案 \uD83D\uDCC1 ok");
        assertThat(ChainAppender.clean("a\u0000b\uDC00c\uD800", 100)).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
        assertThat(ChainAppender.clean("abcdef", 4)).isEqualTo("abc…");
        assertThat(ChainAppender.clean("ab\uD83D\uDCC1d", 4)).isEqualTo("ab…");
        assertThat(ChainAppender.clean(null, 4)).isNull();
    }
}
