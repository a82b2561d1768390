package cn.lantai.catalog;

import java.util.List;

/**
 * What a bulk edit would do: of the {@code selected} items the actor sees, {@code changing} change and
 * {@code unchanged} hold the values already; {@code moving} of the changing ones leave their group (their 档号 changes);
 * {@code sample} shows the first changing ones, old → new.
 */
public record BulkEditPreview(int selected, int changing, int unchanged, int moving, List<Row> sample) {

    /** One changing item: its 档号 now and after, its title, and each field that changes. */
    public record Row(ItemId id, String archivalCode, String newArchivalCode, String title, List<FieldChange> changes) {

        public boolean moves() {
            return !archivalCode.equals(newArchivalCode);
        }
    }

    /** A field's stored value before and after (empty when absent). */
    public record FieldChange(DescriptionField field, String before, String after) {
    }
}
