package cn.lantai.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.lantai.identity.AccessToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal access tokens; a token's secret is random (256 bits), so its SHA-256 digest is all that is kept. A token is
 * read at every API call, so a usable one is kept in memory under the {@link PermissionGeneration} it was read at:
 * revoking a token and disabling or locking its account move the generation on, and expiry is checked at each use.
 */
@Repository
public class Tokens {

    private final JdbcClient jdbc;
    private final PermissionGeneration generation;
    /** Usable tokens by the digest of their secret. */
    private final GenerationCache<String, Holder> usable = new GenerationCache<>();
    /** When each token's time of use was last written from here. */
    private final Map<String, Instant> useWritten = new ConcurrentHashMap<>();

    Tokens(JdbcClient jdbc, PermissionGeneration generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    public void insert(String id, String username, String name, String secret, Instant expires) {
        jdbc.sql("""
                INSERT INTO access_token (id, username, name, secret_digest, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, username, name, digest(secret), Timestamp.from(Instant.now()), Timestamp.from(expires))
                .update();
    }

    public List<AccessToken> of(String username) {
        return jdbc.sql("SELECT * FROM access_token WHERE username = ? ORDER BY created_at DESC").param(username)
                .query((rs, n) -> token(rs)).list();
    }

    public Optional<String> owner(String id) {
        return jdbc.sql("SELECT username FROM access_token WHERE id = ?").param(id).query(String.class).optional();
    }

    /**
     * The token with this secret and the state of its owner's account: kept in memory while {@code generation}, read
     * before, is the current one, and otherwise read (token and account in one query).
     */
    public Optional<Holder> bySecret(String secret, long generation) {
        String digest = digest(secret);
        Optional<Holder> kept = usable.find(digest, generation);
        if (kept.isPresent()) {
            return kept;
        }
        Optional<Holder> read = jdbc.sql("""
                SELECT t.*, a.enabled AS account_enabled, a.locked_until AS account_locked_until
                FROM access_token t JOIN account a ON a.username = t.username WHERE t.secret_digest = ?""")
                .param(digest)
                .query((rs, n) -> new Holder(rs.getString("username"), token(rs), rs.getBoolean("account_enabled"),
                        instant(rs.getTimestamp("account_locked_until"))))
                .optional();
        read.filter(h -> h.usableAt(Instant.now())).ifPresent(h -> usable.keep(digest, generation, h));
        return read;
    }

    /** A token's owner; {@code accountLockedUntil} is set while repeated failed logins lock the account. */
    public record Holder(String username, AccessToken token, boolean accountEnabled, Instant accountLockedUntil) {

        /** The token may be used now, and so may its owner's account. */
        public boolean usableAt(Instant now) {
            return token.usableAt(now) && accountEnabled
                    && (accountLockedUntil == null || !accountLockedUntil.isAfter(now));
        }
    }

    public void revoke(String id) {
        generation.changed();
        jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(Instant.now()), id).update();
    }

    /** Revokes every usable token of the account (its password was reset or changed, or it logged out everywhere). */
    public int revokeAll(String username) {
        generation.changed();
        return jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL")
                .params(Timestamp.from(Instant.now()), username).update();
    }

    /** Records when the token was used, at most once a minute. */
    public void used(AccessToken token, Instant at) {
        Instant written = useWritten.getOrDefault(token.id(), token.lastUsedAt());
        if (written == null || written.isBefore(at.minusSeconds(60))) {
            useWritten.put(token.id(), at);
            jdbc.sql("UPDATE access_token SET last_used_at = ? WHERE id = ?").params(Timestamp.from(at), token.id())
                    .update();
        }
    }

    private static AccessToken token(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AccessToken(rs.getString("id"), rs.getString("name"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
