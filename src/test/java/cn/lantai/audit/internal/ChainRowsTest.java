package cn.lantai.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The trail's rows read ahead a block at a time, their digests worked out together: each judged as if alone. */
class ChainRowsTest {

    @Test
    void eachRowIsJudgedByItsOwnContentAcrossTheBlocksItIsReadIn() {
        Set<Long> altered = Set.of(1L, 4096L, 4097L, 8192L, 10_000L);
        List<StoredEntry> entries = new ArrayList<>();
        String previous = ChainDigest.GENESIS;
        for (long seq = 1; seq <= 10_000; seq++) {
            String after = "{\"title\":\"关于第" + seq + "号文件的通知\"}";
            String digest = ChainDigest.of(previous, seq, seq * 1000, "张三", "10.0.0.1", "item.update", "A-" + seq, null,
                    after);
            entries.add(new StoredEntry(seq, seq * 1000, "张三", "10.0.0.1", "item.update", "A-" + seq, null,
                    altered.contains(seq) ? after + " " : after, previous, digest));
            previous = digest;
        }

        ChainRows rows = new ChainRows(entries.iterator());
        List<Long> judgedAltered = new ArrayList<>();
        long seen = 0;
        while (rows.peek() != null) {
            StoredEntry row = rows.next();
            assertThat(row.seq()).isEqualTo(++seen);
            if (!rows.lastHashesAtItsNumber()) {
                judgedAltered.add(row.seq());
            }
        }
        assertThat(seen).isEqualTo(10_000);
        assertThat(judgedAltered).containsExactly(1L, 4096L, 4097L, 8192L, 10_000L);
        assertThat(rows.next()).isNull();
    }
}
