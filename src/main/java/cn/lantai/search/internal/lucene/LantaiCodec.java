package cn.lantai.search.internal.lucene;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * Lucene's codec with stored fields in small blocks. Every search reads the stored fields of its page of hits, one
 * document at a time; Lucene's default packs them into blocks of up to 80 KB behind an 8 KB dictionary, and reading
 * one hit decompresses the dictionary and its part of the block. In the profile of the search load that was an eighth
 * of the processor. Blocks of at most 8 KB or 32 documents, compressed with plain LZ4, cost a little disk instead.
 * Registered for Lucene's lookup by name in {@code META-INF/services/org.apache.lucene.codecs.Codec}.
 */
public final class LantaiCodec extends FilterCodec {

    /** The name Lucene records in each segment written with this codec. */
    public static final String NAME = "Lantai912";

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat("LantaiStoredFields",
            CompressionMode.FAST, 8 * 1024, 32, 10);

    public LantaiCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
