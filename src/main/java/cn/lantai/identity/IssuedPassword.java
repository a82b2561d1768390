package cn.lantai.identity;

/** A one-time password made for an account; shown once, and to be changed at the first login. */
public record IssuedPassword(String username, String oneTimePassword) {
}
