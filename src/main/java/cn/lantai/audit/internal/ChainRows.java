package cn.lantai.audit.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The trail's rows in number order, with a look at the next one, read ahead a block at a time: the digest of each row
 * in the block is recomputed on all cores at once, as it does not depend on the rows before it (the link to them is
 * the stored previous digest, which the walk compares in order).
 */
final class ChainRows {

    private static final int BLOCK = 4096;

    private final Iterator<StoredEntry> source;
    private final List<StoredEntry> block = new ArrayList<>(BLOCK);
    private boolean[] hashed = new boolean[0];
    private int at;
    private boolean lastHashed;

    ChainRows(Iterator<StoredEntry> source) {
        this.source = source;
    }

    /** The next row, without taking it; null at the end. */
    StoredEntry peek() {
        if (at == block.size()) {
            readAhead();
        }
        return at < block.size() ? block.get(at) : null;
    }

    /** Takes the next row; null at the end. */
    StoredEntry next() {
        StoredEntry row = peek();
        if (row != null) {
            lastHashed = hashed[at];
            at++;
        }
        return row;
    }

    /** Whether the row {@link #next} took last has the digest its content gives at its own number. */
    boolean lastHashesAtItsNumber() {
        return lastHashed;
    }

    private void readAhead() {
        block.clear();
        at = 0;
        while (block.size() < BLOCK && source.hasNext()) {
            block.add(source.next());
        }
        boolean[] result = new boolean[block.size()];
        IntStream.range(0, block.size()).parallel().forEach(i -> result[i] = block.get(i).hashesAt(block.get(i).seq()));
        hashed = result;
    }
}
