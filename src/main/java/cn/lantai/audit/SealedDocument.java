package cn.lantai.audit;

import java.util.List;
import java.util.Objects;

/**
 * A document the archive issues under its seal (a transfer receipt 交接文据, a four-properties report, the audit
 * trail's report): a title, lines of text, and an optional table whose {@code widths} are the columns' shares of the
 * page's width. {@code reason} is the signature's stated reason (the title when none is given); the page is A4,
 * portrait unless {@link #asLandscape()} turns it for a wide table.
 */
public record SealedDocument(String title, String author, String reason, List<String> lines, List<String> columns,
        float[] widths, List<List<String>> rows, boolean landscape) {

    public SealedDocument {
        Objects.requireNonNull(title, "title");
        author = author == null ? "" : author;
        reason = reason == null || reason.isBlank() ? title : reason;
        lines = lines == null ? List.of() : List.copyOf(lines);
        columns = columns == null ? List.of() : List.copyOf(columns);
        widths = widths == null ? new float[0] : widths.clone();
        rows = rows == null ? List.of() : rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toList())
                .toList();
        if (widths.length != columns.size()) {
            throw new IllegalArgumentException("a width for each of the " + columns.size() + " columns, not "
                    + widths.length);
        }
        for (float w : widths) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("column widths are positive shares, not " + w);
            }
        }
    }

    /** A portrait document with a table; the signature's reason is the title. */
    public SealedDocument(String title, String author, List<String> lines, List<String> columns, float[] widths,
            List<List<String>> rows) {
        this(title, author, null, lines, columns, widths, rows, false);
    }

    /** A portrait document of text alone (no table). */
    public static SealedDocument text(String title, String author, List<String> lines) {
        return new SealedDocument(title, author, lines, List.of(), new float[0], List.of());
    }

    /** The same document, its signature giving this reason. */
    public SealedDocument withReason(String signatureReason) {
        return new SealedDocument(title, author, signatureReason, lines, columns, widths, rows, landscape);
    }

    /** The same document on A4 landscape, for a table of many columns. */
    public SealedDocument asLandscape() {
        return new SealedDocument(title, author, reason, lines, columns, widths, rows, true);
    }

    @Override
    public float[] widths() {
        return widths.clone();
    }

    /** Whether it has a table. */
    public boolean hasTable() {
        return !columns.isEmpty();
    }
}
