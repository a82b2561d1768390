package cn.lantai.identity;

/** A person named by another module: the login (what the trail and the API use) and the name people read. */
public record AccountRef(String username, String displayName) {
}
