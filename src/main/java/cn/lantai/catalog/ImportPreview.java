package cn.lantai.catalog;

import java.util.List;
import java.util.Map;

/**
 * The column-mapping step: how the file was read, its header, where each column would go (null: ignored), the first
 * rows, every target a column may be mapped to (name → Chinese label), the 全宗号 in the file that are not registered
 * (register them with {@code PUT /api/v1/fonds/{code}} before starting, or their rows are rejected), and the problems
 * to settle before starting, in words for people (columns repeating a field, no data rows, unregistered fonds), and
 * what the import would change ({@link ImportSplit}: new, updated with old → new, unchanged, refused; null when the
 * mapping cannot be used as it stands).
 */
public record ImportPreview(String format, List<String> header, Map<String, String> mapping, List<List<String>> sample,
        Map<String, String> targets, List<String> unregisteredFonds, List<String> problems, ImportSplit split) {
}
