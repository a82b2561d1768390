package cn.lantai.preservation.internal.store;

import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.preservation.StoredRecord;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's description as its object keeps it ({@code metadata/description.json}): the id, the 档号, every
 * description field by its key and the category's own fields. Plain JSON, so the store can be read without Lantai.
 */
public final class DescriptionDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DescriptionDocument() {
    }

    public static byte[] of(Item item) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", item.id().value());
        doc.put("archivalCode", item.archivalCode());
        doc.put("catalogVersion", item.version());
        Map<String, String> fields = new LinkedHashMap<>();
        item.description().asMap().forEach((field, value) -> {
            if (value != null) {
                fields.put(field.key(), value);
            }
        });
        doc.put("fields", fields);
        doc.put("extra", new LinkedHashMap<>(item.extra()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    public static StoredRecord read(byte[] json) {
        JsonNode doc = JSON.readTree(json);
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        doc.path("fields").properties().forEach(e -> DescriptionField.byKey(e.getKey())
                .ifPresent(field -> fields.put(field, e.getValue().asString())));
        Map<String, String> extra = new LinkedHashMap<>();
        doc.path("extra").properties().forEach(e -> extra.put(e.getKey(), e.getValue().asString()));
        JsonNode code = doc.path("archivalCode");
        return new StoredRecord(new ItemId(doc.path("id").asLong()), code.isNull() || code.isMissingNode() ? null
                : code.asString(), fields, extra, doc.path("catalogVersion").asInt());
    }
}
