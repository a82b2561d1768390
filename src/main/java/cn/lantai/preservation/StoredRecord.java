package cn.lantai.preservation;

import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.ItemId;
import java.util.Map;

/**
 * A record's description as its object's head version keeps it ({@code metadata/description.json}): enough to put the
 * record back into the catalogue under the same id.
 */
public record StoredRecord(ItemId id, String archivalCode, Map<DescriptionField, String> fields,
        Map<String, String> extra, int catalogVersion) {
}
