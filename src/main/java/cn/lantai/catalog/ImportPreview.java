package cn.lantai.catalog;

import java.util.List;
import java.util.Map;

/**
 * The column-mapping step: how the file was read, its header, where each column would go (null: ignored), the first
 * rows, and every target a column may be mapped to (name → Chinese label).
 */
public record ImportPreview(String format, List<String> header, Map<String, String> mapping, List<List<String>> sample,
        Map<String, String> targets) {
}
