package cn.lantai.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * An item (件), the unit of description of DA/T 22-2015, as stored: its description, the extra fields its category
 * defines, and the 卷 (file) that holds it, if any.
 */
public record Item(ItemId id, String archivalCode, Description description, Map<String, String> extra,
        Long volumeId, int version, Instant updatedAt) {

    public String title() {
        return description.get(DescriptionField.TITLE);
    }
}
