package cn.lantai.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * An item (件), the unit of description of DA/T 22-2015, as stored: its description (with the file, 卷, that holds
 * it, if any) and the extra fields its category defines.
 */
public record Item(ItemId id, String archivalCode, Description description, Map<String, String> extra, int version,
        Instant updatedAt) {

    public String title() {
        return description.get(DescriptionField.TITLE);
    }
}
