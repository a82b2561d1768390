package cn.lantai.catalog.internal.sheets;

/**
 * Neutralises text that a spreadsheet would run as a formula (CSV/formula injection, OWASP): a cell starting with
 * {@code = + - @}, tab or carriage return gets a leading apostrophe, which Excel and LibreOffice show as text.
 */
public final class CellSafety {

    private CellSafety() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
