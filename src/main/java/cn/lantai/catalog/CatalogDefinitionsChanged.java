package cn.lantai.catalog;

/**
 * The catalogue's definitions changed: a fonds (全宗) registered or changed, a category (门类) defined or redefined, or
 * a file (卷) created, retitled, deleted or renumbered. Published after the transaction commits, for modules that
 * keep a copy of the definitions (the archival store keeps them so the catalogue can be rebuilt from it).
 *
 * @param what what changed, for the log: {@code fonds:0012}, {@code category:WS}, {@code file:4711}
 */
public record CatalogDefinitionsChanged(String what) {
}
