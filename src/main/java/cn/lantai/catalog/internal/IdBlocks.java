package cn.lantai.catalog.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Hands out ids from the database sequence in blocks of 1000 (the sequence's increment), so a batch costs one call. */
@Component
public class IdBlocks {

    private static final int BLOCK = 1000;

    private final JdbcTemplate jdbc;
    private long next;
    private long end;

    IdBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the sequence past the highest id the catalogue holds (after items and files were put back under their own
     * ids) and drops the block in hand, which may overlap them. Only ever moves forward; ids are never reused.
     */
    public synchronized void continueAfter(long highestId) {
        Long next = jdbc.queryForObject("SELECT NEXTVAL('item_seq')", Long.class);
        if (next <= highestId) {
            jdbc.execute("ALTER SEQUENCE item_seq RESTART WITH " + (highestId + 1));
        }
        this.next = 0;
        this.end = 0;
    }

    synchronized long next() {
        if (next == end) {
            Long start = jdbc.queryForObject("SELECT NEXTVAL('item_seq')", Long.class);
            next = start;
            end = start + BLOCK;
        }
        return next++;
    }
}
