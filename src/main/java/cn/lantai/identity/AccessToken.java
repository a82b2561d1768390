package cn.lantai.identity;

import java.time.Instant;

/** A personal access token for the REST API, as its owner sees it (never the secret again). */
public record AccessToken(String id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
        Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
