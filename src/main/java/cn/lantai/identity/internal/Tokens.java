package cn.lantai.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import cn.lantai.identity.AccessToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal access tokens; a token's secret is random (256 bits), so its SHA-256 digest is all that is kept. */
@Repository
public class Tokens {

    private final JdbcClient jdbc;

    Tokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** The token with this secret and the state of its owner's account, in one read (at every API call). */
    public Optional<Holder> bySecret(String secret) {
        return jdbc.sql("""
                SELECT t.*, a.enabled AS account_enabled, a.locked_until AS account_locked_until
                FROM access_token t JOIN account a ON a.username = t.username WHERE t.secret_digest = ?""")
                .param(digest(secret))
                .query((rs, n) -> new Holder(rs.getString("username"), token(rs), rs.getBoolean("account_enabled"),
                        instant(rs.getTimestamp("account_locked_until"))))
                .optional();
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
        jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(Instant.now()), id).update();
    }

    /** Revokes every usable token of the account (its password was reset or changed, or it logged out everywhere). */
    public int revokeAll(String username) {
        return jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL")
                .params(Timestamp.from(Instant.now()), username).update();
    }

    public void used(String id, Instant at) {
        jdbc.sql("UPDATE access_token SET last_used_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
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
