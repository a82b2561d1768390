package cn.lantai.audit.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The checkpoint file's lines in file order, read ahead a block at a time: each line of the block is parsed and its
 * signature checked on all cores at once.
 */
final class SignedLines {

    private static final int BLOCK = 512;

    private final Checkpoints.Lines source;
    private final AuditKeys keys;
    private final List<String> block = new ArrayList<>(BLOCK);
    private CheckpointLine[] parsed = new CheckpointLine[0];
    private boolean[] signed = new boolean[0];
    private long firstNumber;
    private int at;

    SignedLines(Checkpoints.Lines source, AuditKeys keys) {
        this.source = source;
        this.keys = keys;
    }

    /** Moves to the next line and answers it as written; null at the end. */
    String next() throws IOException {
        if (at + 1 < block.size()) {
            at++;
            return block.get(at);
        }
        readAhead();
        return block.isEmpty() ? null : block.get(0);
    }

    /** The current line's place in the file, from 1. */
    long number() {
        return firstNumber + at;
    }

    /** The current line as a checkpoint; null when it is not one. */
    CheckpointLine parsed() {
        return parsed[at];
    }

    /** Whether the current line is a checkpoint signed with the archive's key. */
    boolean signed() {
        return signed[at];
    }

    private void readAhead() throws IOException {
        block.clear();
        at = 0;
        firstNumber = source.number() + 1;
        String line;
        while (block.size() < BLOCK && (line = source.next()) != null) {
            block.add(line);
        }
        CheckpointLine[] lines = new CheckpointLine[block.size()];
        boolean[] valid = new boolean[block.size()];
        IntStream.range(0, block.size()).parallel().forEach(i -> {
            lines[i] = CheckpointLine.parse(block.get(i), firstNumber + i).orElse(null);
            valid[i] = lines[i] != null && keys.verify(lines[i].body(), lines[i].signature());
        });
        parsed = lines;
        signed = valid;
    }
}
