package cn.lantai.catalog;

import java.util.List;
import java.util.Optional;

/** A category (门类) of records, 2-letter code (WS 文书, KJ 会计 …), with the extra fields it defines. */
public record Category(String code, String name, List<FieldDefinition> fields) {

    public Category {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<FieldDefinition> field(String keyOrLabel) {
        return fields.stream().filter(f -> f.key().equals(keyOrLabel) || f.label().equals(keyOrLabel)).findFirst();
    }
}
