package cn.lantai.catalog.internal.sheets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.internal.EntryRules;

/**
 * Which column of a catalogue holds which field. Headers are matched by the Chinese names of DA/T 18 (with the common
 * variants: 机构（问题）代码, 文号 …), by field key, or by the labels of the categories' extra fields; an explicit mapping
 * from the column-mapping step wins over all of these.
 */
public final class ColumnMapping {

    /** Where a column goes. */
    public sealed interface Target permits ArchivalCodeColumn, FieldColumn, ExtraColumn {
    }

    public record ArchivalCodeColumn() implements Target {
    }

    public record FieldColumn(DescriptionField field) implements Target {
    }

    public record ExtraColumn(String name) implements Target {
    }

    /** Columns archivists add that carry nothing to import. */
    private static final Set<String> IGNORED = Set.of("序号", "顺序号", "no", "no.", "#");

    /** Two or more columns that would fill the same field: which one holds the value is not for the import to guess. */
    public record Repeated(Target target, List<Integer> columns) {

        /** The arguments of its message: the field's label and the columns' numbers as people count them (1, 2 …). */
        public Object[] messageArgs() {
            return new Object[] {label(target), String.join("、", columns.stream().map(c -> Integer.toString(c + 1))
                    .toList())};
        }
    }

    private final Map<Integer, Target> byColumn;
    private final List<String> header;
    private final List<String> ignored;
    private final List<Repeated> repeated;

    private ColumnMapping(List<String> header, Map<Integer, Target> byColumn, List<String> ignored,
            List<Repeated> repeated) {
        this.header = header;
        this.byColumn = byColumn;
        this.ignored = ignored;
        this.repeated = repeated;
    }

    /**
     * @param explicit header → target name, from the mapping step ({@code title}, {@code archivalCode}, an extra
     *                 field's key or label; blank to ignore). A key {@code #3} names the third column by its
     *                 place, which tells apart columns whose headers are the same; it wins over the header text.
     * @throws IllegalArgumentException when an explicit target names nothing known
     */
    public static ColumnMapping of(List<String> header, Map<String, String> explicit, Collection<Category> categories) {
        Map<String, Target> known = knownTargets(categories);
        Map<String, String> explicitNormal = new LinkedHashMap<>();
        explicit.forEach((h, t) -> explicitNormal.put(normal(h), t));
        Map<Integer, Target> byColumn = new LinkedHashMap<>();
        Map<Target, List<Integer>> columnsOf = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i);
            String n = normal(h);
            String place = "#" + (i + 1);
            Target target;
            if (explicit.containsKey(place) || explicitNormal.containsKey(n)) {
                String name = explicit.containsKey(place) ? explicit.get(place) : explicitNormal.get(n);
                if (name == null || name.isBlank()) {
                    ignored.add(h);
                    continue;
                }
                target = known.get(normal(name));
                if (target == null) {
                    throw new IllegalArgumentException(name);
                }
            } else {
                target = known.get(n);
            }
            if (target == null) {
                if (!n.isEmpty() && !IGNORED.contains(n)) {
                    ignored.add(h);
                }
                continue;
            }
            columnsOf.computeIfAbsent(target, t -> new ArrayList<>()).add(i);
            byColumn.putIfAbsent(i, target);
        }
        List<Repeated> repeated = new ArrayList<>();
        columnsOf.forEach((target, columns) -> {
            if (columns.size() > 1) {
                repeated.add(new Repeated(target, List.copyOf(columns)));
            }
        });
        return new ColumnMapping(header, byColumn, ignored, repeated);
    }

    private static Map<String, Target> knownTargets(Collection<Category> categories) {
        Map<String, Target> known = new LinkedHashMap<>();
        for (Category c : categories) {
            for (FieldDefinition f : c.fields()) {
                known.putIfAbsent(normal(f.label()), new ExtraColumn(f.label()));
                known.putIfAbsent(normal(f.key()), new ExtraColumn(f.label()));
            }
        }
        for (DescriptionField f : DescriptionField.values()) {
            known.put(normal(f.label()), new FieldColumn(f));
            known.put(normal(f.key()), new FieldColumn(f));
            f.aliases().forEach(a -> known.put(normal(a), new FieldColumn(f)));
        }
        known.put(normal(EntryRules.ARCHIVAL_CODE_LABEL), new ArchivalCodeColumn());
        known.put(normal("archivalCode"), new ArchivalCodeColumn());
        return known;
    }

    /**
     * Header text as compared: no spaces of any width, no BOM, ASCII brackets, lower case, and without the marks unit
     * templates put on mandatory columns ({@code *题名}, {@code 题名*}, {@code 题名!}, {@code 题名（必填）},
     * {@code 【必填】题名}) or a trailing colon ({@code 题名：}).
     */
    static String normal(String header) {
        String h = header.replaceAll("[\\s\\u00a0\\u3000\\ufeff\\u200b]", "")
                .replace('（', '(').replace('）', ')').replace('【', '[').replace('】', ']')
                .replace('！', '!').replace('＊', '*').replace('：', ':');
        h = h.replaceAll("[(\\[]必填(项)?[)\\]]", "").replaceAll("^[*!]+|[*!:]+$", "");
        return h.toLowerCase(Locale.ROOT);
    }

    public boolean mapsNothing() {
        return byColumn.isEmpty();
    }

    public Map<Integer, Target> columns() {
        return byColumn;
    }

    public List<String> header() {
        return header;
    }

    /** Fields that more than one column would fill; an import with any of them is refused. */
    public List<Repeated> repeated() {
        return repeated;
    }

    /** Headers that were left out (unknown, or set to be ignored). */
    public List<String> ignored() {
        return ignored;
    }

    /** The label of a target as people read it: 题名, 档号, an extra field's label. */
    public static String label(Target target) {
        if (target instanceof FieldColumn f) {
            return f.field().label();
        }
        return target instanceof ExtraColumn e ? e.name() : EntryRules.ARCHIVAL_CODE_LABEL;
    }

    /** The name of a target as the mapping step shows it. */
    public static String name(Target target) {
        if (target instanceof FieldColumn f) {
            return f.field().key();
        }
        return target instanceof ExtraColumn e ? e.name() : "archivalCode";
    }
}
