package cn.lantai.catalog;

import java.util.Map;

/**
 * How to import a catalogue file.
 *
 * @param mode       {@link Mode#ALL_OR_NOTHING}: one bad row and nothing is written; {@link Mode#KEEP_VALID}: the
 *                   valid rows are written and the bad ones reported
 * @param onExisting what to do with a row whose 档号 is already in the catalogue: update that item (re-importing a
 *                   corrected sheet), or reject the row as a duplicate
 * @param mapping    column header → target: a field key ({@code title}), {@code archivalCode}, an extra field's key
 *                   or label, or blank to ignore the column; headers not named here are matched by their Chinese names
 * @param defaults   values by field key for cells left empty (e.g. the fonds or category of the whole sheet)
 * @param language   the language of the error report: {@code zh-CN} (default) or {@code en}
 * @param overwriteHandEdits the second, explicit choice an update needs where a record was changed by hand after it
 *                   was last imported: without it such rows are refused (named in the report with who and when)
 */
public record ImportOptions(Mode mode, OnExisting onExisting, Map<String, String> mapping, Map<String, String> defaults,
        String language, boolean overwriteHandEdits) {

    public ImportOptions(Mode mode, OnExisting onExisting, Map<String, String> mapping, Map<String, String> defaults,
            String language) {
        this(mode, onExisting, mapping, defaults, language, false);
    }

    public enum Mode { ALL_OR_NOTHING, KEEP_VALID }

    public enum OnExisting { UPDATE, REJECT }

    public ImportOptions {
        mode = mode == null ? Mode.KEEP_VALID : mode;
        onExisting = onExisting == null ? OnExisting.UPDATE : onExisting;
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        language = language == null || language.isBlank() ? "zh-CN" : language;
    }
}
