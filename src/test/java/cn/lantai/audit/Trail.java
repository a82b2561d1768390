package cn.lantai.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trail's database rows and checkpoint file as an attacker sees them: read, tamper with directly, and put back as
 * they were, so each test leaves the shared trail intact for the next.
 */
final class Trail {

    static final String COLUMNS =
            "seq, at_micros, actor, address, action, target, before_state, after_state, prev_digest, digest";

    final JdbcTemplate jdbc;
    final Path checkpoints;
    private long savedFrom = -1;
    private List<Map<String, Object>> savedRows;
    private Map<String, Object> savedHead;
    private byte[] savedFile;

    Trail(JdbcTemplate jdbc, Path checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    long headSeq() {
        return jdbc.queryForObject("SELECT seq FROM audit_head WHERE id = 1", Long.class);
    }

    String headDigest() {
        return jdbc.queryForObject("SELECT digest FROM audit_head WHERE id = 1", String.class);
    }

    Map<String, Object> row(long seq) {
        return jdbc.queryForMap("SELECT " + COLUMNS + " FROM audit_entry WHERE seq = ?", seq);
    }

    String digest(long seq) {
        return jdbc.queryForObject("SELECT digest FROM audit_entry WHERE seq = ?", String.class, seq);
    }

    /** Remembers the rows from {@code from} on, the head and the checkpoint file, to put them back after tampering. */
    void save(long from) {
        savedFrom = from;
        savedRows = jdbc.queryForList("SELECT " + COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq", from);
        savedHead = jdbc.queryForMap("SELECT seq, digest FROM audit_head WHERE id = 1");
        savedFile = fileBytes();
    }

    /** Puts back what {@link #save} remembered; writes into the same file, as the application holds its name. */
    void restore() {
        if (savedFrom < 0) {
            return;
        }
        jdbc.update("DELETE FROM audit_entry WHERE seq >= ? OR seq < 1", savedFrom);
        jdbc.batchUpdate("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                savedRows.stream().map(r -> new Object[] {r.get("seq"), r.get("at_micros"), r.get("actor"),
                        r.get("address"), r.get("action"), r.get("target"), r.get("before_state"),
                        r.get("after_state"), r.get("prev_digest"), r.get("digest")}).toList());
        jdbc.update("UPDATE audit_head SET seq = ?, digest = ? WHERE id = 1", savedHead.get("seq"), savedHead.get("digest"));
        writeFile(savedFile);
        savedFrom = -1;
    }

    /** Inserts a row as given, digests and all. */
    void insert(long seq, long atMicros, String actor, String action, String after, String prev, String digest) {
        jdbc.update("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, atMicros,
                actor, "10.0.0.66", action, "档案-0001", null, after, prev, digest);
    }

    /** Moves rows from {@code from} on up by {@code by} numbers, around the primary key. */
    void renumber(long from, long by) {
        jdbc.update("UPDATE audit_entry SET seq = -seq WHERE seq >= ?", from);
        jdbc.update("UPDATE audit_entry SET seq = -seq + ? WHERE seq <= ?", by, -from);
    }

    /**
     * Recomputes the digest of every entry from {@code from} on, as an attacker who knows SM3 would after altering
     * one, and moves the head to the new last digest.
     */
    void rechainFrom(long from) {
        String previous = from == 1 ? "0".repeat(64) : digest(from - 1);
        for (Map<String, Object> r : jdbc.queryForList("SELECT " + COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq", from)) {
            long seq = ((Number) r.get("seq")).longValue();
            String digest = Forger.digest(previous, seq, ((Number) r.get("at_micros")).longValue(),
                    (String) r.get("actor"), (String) r.get("address"), (String) r.get("action"),
                    (String) r.get("target"), (String) r.get("before_state"), (String) r.get("after_state"));
            jdbc.update("UPDATE audit_entry SET prev_digest = ?, digest = ? WHERE seq = ?", previous, digest, seq);
            previous = digest;
        }
        jdbc.update("UPDATE audit_head SET digest = ? WHERE id = 1", previous);
    }

    List<String> lines() {
        try {
            return Files.exists(checkpoints) ? Files.readAllLines(checkpoints) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries the checkpoint file vouches for, in file order. */
    List<Long> checkpointedSeqs() {
        return lines().stream().map(l -> Long.parseLong(l.substring(0, l.indexOf(' ')))).toList();
    }

    void writeLines(List<String> lines) {
        writeFile((String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes());
    }

    private byte[] fileBytes() {
        try {
            return Files.exists(checkpoints) ? Files.readAllBytes(checkpoints) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeFile(byte[] bytes) {
        try {
            Files.write(checkpoints, bytes, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
