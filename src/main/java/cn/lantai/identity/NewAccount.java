package cn.lantai.identity;

/** An account to create: a login name (letters, digits, . _ -), the name shown, and the organisation unit. */
public record NewAccount(String username, String displayName, String unit) {
}
