package cn.lantai.catalog.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Hands out ids from the database sequence in blocks of 1000 (the sequence's increment), so a batch costs one call. */
@Component
class IdBlocks {

    private static final int BLOCK = 1000;

    private final JdbcTemplate jdbc;
    private long next;
    private long end;

    IdBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
