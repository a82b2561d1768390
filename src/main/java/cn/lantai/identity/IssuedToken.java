package cn.lantai.identity;

/** A token just created, with its secret: shown once, sent as {@code Authorization: Bearer <secret>}. */
public record IssuedToken(AccessToken token, String secret) {
}
