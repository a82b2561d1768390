package cn.lantai.exhibition.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The visits to published exhibitions (table {@code exhibition_visit}): one row per exhibition, archive day and
 * visitor, so reloading the page the same day counts nothing more. A visitor is a keyed hash (HMAC-SHA-256) of their
 * address with the day; the address itself is never kept, and without the key (made once, in
 * {@code exhibition_visit_key}) the hash cannot be turned back into an address by trying them all. The browser's name
 * is not part of it: anyone may send any name, so it would let one address count as many visitors as names it sends;
 * by the primary key an address counts at most once per exhibition and day. The same person behind a new address
 * counts again; many people behind one address count once.
 */
@Repository
public class VisitLedger {

    private final JdbcClient jdbc;
    private volatile byte[] key;

    VisitLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the visit; false when this visitor was already counted for the exhibition that day. */
    public boolean record(long exhibition, LocalDate day, String address) {
        String visitor = visitor(day, address);
        try {
            return jdbc.sql("INSERT INTO exhibition_visit (exhibition_id, visit_day, visitor) VALUES (?, ?, ?)")
                    .params(exhibition, day, visitor).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Visits on archive days within these bounds, to every exhibition. */
    public long between(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*) FROM exhibition_visit WHERE visit_day BETWEEN ? AND ?").params(from, to)
                .query(Long.class).single();
    }

    private String visitor(LocalDate day, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            String seen = day + "\n" + (address == null ? "" : address);
            return HexFormat.of().formatHex(mac.doFinal(seen.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = HexFormat.of().parseHex(storedKey());
            key = k;
        }
        return k;
    }

    private String storedKey() {
        String found = jdbc.sql("SELECT secret FROM exhibition_visit_key WHERE id = 1").query(String.class)
                .optional().orElse(null);
        if (found != null) {
            return found;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            jdbc.sql("INSERT INTO exhibition_visit_key (id, secret) VALUES (1, ?)")
                    .param(HexFormat.of().formatHex(fresh)).update();
        } catch (DuplicateKeyException e) {
            // another request made it first: its key holds
        }
        return jdbc.sql("SELECT secret FROM exhibition_visit_key WHERE id = 1").query(String.class).single();
    }
}
