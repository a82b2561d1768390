package cn.lantai.catalog.internal;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.ArchivalDates;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Violation;
import cn.lantai.catalog.Vocabularies;

/**
 * The description rules of DA/T 18-2022 and DA/T 22-2015 applied to one entry as typed by a person or read from a
 * catalogue row: lengths, types, vocabularies, mandatory fields and the archival code. The API and the importer both
 * come through here, so an entry is judged the same whichever way it arrives.
 */
public final class EntryRules {

    /** Label of the archival code (档号) in messages and catalogues. */
    public static final String ARCHIVAL_CODE_LABEL = "档号";

    private final String defaultArchiveCode;

    public EntryRules(String defaultArchiveCode) {
        this.defaultArchiveCode = defaultArchiveCode;
    }

    /**
     * @param archivalCode the 档号 as given, or blank when the parts are given separately and the number is to be
     *                     allocated
     * @param raw          the description fields as given
     * @param extraRaw     the category's extra fields, by key or label
     * @param category     the category of the entry, or null when its code names none
     */
    public Entry apply(String archivalCode, Map<DescriptionField, String> raw, Map<String, String> extraRaw,
            Category category) {
        return apply(archivalCode, raw, extraRaw, category, ITEM_MANDATORY);
    }

    /** The fields an item must have: DA/T 18's mandatory ones; its number may be left to allocation. */
    private static final java.util.Set<DescriptionField> ITEM_MANDATORY = java.util.Arrays.stream(DescriptionField.values())
            .filter(f -> f.mandatory() && f != DescriptionField.ITEM_NO)
            .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(DescriptionField.class)));

    /** The fields a file (卷) must have: its group and its title. */
    public static final java.util.Set<DescriptionField> FILE_MANDATORY = java.util.EnumSet.of(DescriptionField.FONDS,
            DescriptionField.CATEGORY, DescriptionField.YEAR, DescriptionField.RETENTION, DescriptionField.TITLE);

    /** As {@link #apply(String, Map, Map, Category)}, with the given fields mandatory. */
    public Entry apply(String archivalCode, Map<DescriptionField, String> raw, Map<String, String> extraRaw,
            Category category, java.util.Set<DescriptionField> mandatory) {
        List<Violation> violations = new ArrayList<>();
        Map<DescriptionField, String> given = new EnumMap<>(DescriptionField.class);
        raw.forEach((field, value) -> {
            String v = clean(value);
            if (v != null) {
                given.put(field, v);
            }
        });
        String code = clean(archivalCode);
        boolean codeUnreadable = code != null && !mergeArchivalCode(code, given, violations);
        List<Violation> notices = new ArrayList<>();
        moveMarks(given, violations, notices);
        Map<DescriptionField, String> normal = new EnumMap<>(DescriptionField.class);
        for (DescriptionField field : DescriptionField.values()) {
            String value = given.get(field);
            if (value == null) {
                continue;
            }
            if (value.length() > field.maxLength()) {
                violations.add(new Violation(field.label(), abbreviate(value), "catalog.too-long", field.maxLength(),
                        value.length()));
                continue;
            }
            normalise(field, value, violations, notices).ifPresent(v -> normal.put(field, v));
        }
        normal.putIfAbsent(DescriptionField.CLASSIFICATION, Classification.NONE.name());
        normal.putIfAbsent(DescriptionField.OPEN_STATUS, OpenStatus.PENDING.name());
        normal.putIfAbsent(DescriptionField.ORG, "");
        if (defaultArchiveCode != null && !defaultArchiveCode.isBlank()) {
            normal.putIfAbsent(DescriptionField.ARCHIVE_CODE, defaultArchiveCode);
        }
        for (DescriptionField field : mandatory) {
            // one cause, one message: a 档号 that cannot be read is the reason its parts are missing
            if (!given.containsKey(field) && !(codeUnreadable && CODE_PARTS.contains(field))) {
                violations.add(new Violation(field.label(), "", "catalog.missing"));
            }
        }
        String categoryCode = normal.get(DescriptionField.CATEGORY);
        Map<String, String> extra = new LinkedHashMap<>();
        if (category == null) {
            if (categoryCode != null) {
                violations.add(new Violation(DescriptionField.CATEGORY.label(), categoryCode, "catalog.unknown-category"));
            }
        } else {
            applyExtra(category, extraRaw == null ? Map.of() : extraRaw, extra, violations);
        }
        return new Entry(new Description(normal), extra, violations, List.copyOf(notices));
    }

    /** Marks of disclosure (公开属性), not classifications, often typed into a 密级 column. */
    private static final java.util.Set<String> DISCLOSURE_MARKS = java.util.Set.of("公开", "内部");

    /**
     * Values read in another sense than written are never changed silently. A disclosure mark in the 密级 column
     * (DA/T 18: 密级 is 绝密, 机密, 秘密 or none; 公开/内部 are 公开属性) moves to 公开属性 when that is empty or says the
     * same, with a notice; when 公开属性 says otherwise the entry is refused. 不开放 is read as 控制使用, with a notice.
     */
    private static void moveMarks(Map<DescriptionField, String> given, List<Violation> violations,
            List<Violation> notices) {
        String classification = given.get(DescriptionField.CLASSIFICATION);
        if (classification != null && DISCLOSURE_MARKS.contains(classification)) {
            String attribute = given.get(DescriptionField.PUBLIC_ATTRIBUTE);
            String label = DescriptionField.CLASSIFICATION.label();
            if (attribute == null || attribute.equals(classification)) {
                given.remove(DescriptionField.CLASSIFICATION);
                given.put(DescriptionField.PUBLIC_ATTRIBUTE, classification);
                notices.add(new Violation(label, classification, "importchange.mark-moved", classification,
                        DescriptionField.PUBLIC_ATTRIBUTE.label()));
            } else {
                violations.add(new Violation(label, classification, "importchange.mark-not-classification",
                        classification, DescriptionField.PUBLIC_ATTRIBUTE.label(), attribute));
            }
        }
        String open = given.get(DescriptionField.OPEN_STATUS);
        if ("不开放".equals(open)) {
            notices.add(new Violation(DescriptionField.OPEN_STATUS.label(), open, "importchange.open-status-read-as",
                    OpenStatus.CONTROLLED.label()));
        }
    }

    /** The fields a 档号 carries. */
    private static final java.util.Set<DescriptionField> CODE_PARTS = java.util.EnumSet.of(DescriptionField.FONDS,
            DescriptionField.CATEGORY, DescriptionField.YEAR, DescriptionField.RETENTION, DescriptionField.ORG,
            DescriptionField.VOLUME, DescriptionField.ITEM_NO);

    /** Fills the fields the 档号 carries; false (and a violation) when the code cannot be read. */
    private boolean mergeArchivalCode(String code, Map<DescriptionField, String> given, List<Violation> violations) {
        boolean inFile = given.get(DescriptionField.VOLUME) != null;
        Optional<ArchivalCode> parsed = inFile ? ArchivalCode.parseInFile(code) : ArchivalCode.parse(code);
        if (parsed.isEmpty()) {
            violations.add(new Violation(ARCHIVAL_CODE_LABEL, code, "catalog.bad-archival-code"));
            return false;
        }
        ArchivalCode c = parsed.get();
        Map<DescriptionField, String> parts = new EnumMap<>(DescriptionField.class);
        parts.put(DescriptionField.FONDS, c.fonds());
        parts.put(DescriptionField.CATEGORY, c.category());
        parts.put(DescriptionField.YEAR, Integer.toString(c.year()));
        parts.put(DescriptionField.RETENTION, c.retention().code());
        parts.put(DescriptionField.ORG, c.org());
        if (c.volume() != null) {
            parts.put(DescriptionField.VOLUME, Integer.toString(c.volume()));
        }
        parts.put(DescriptionField.ITEM_NO, Integer.toString(c.itemNo()));
        parts.forEach((field, fromCode) -> {
            String stated = given.get(field);
            if (stated != null && !agrees(field, stated, fromCode)) {
                violations.add(new Violation(field.label(), stated, "catalog.code-disagrees", code));
            }
            if (!fromCode.isEmpty()) {
                given.put(field, fromCode);
            }
        });
        return true;
    }

    private static boolean agrees(DescriptionField field, String stated, String fromCode) {
        return switch (field.kind()) {
            case INTEGER -> parseInt(stated).map(i -> i == Integer.parseInt(fromCode)).orElse(false);
            case RETENTION -> Retention.parse(stated).map(r -> r.code().equals(fromCode)).orElse(false);
            default -> stated.equalsIgnoreCase(fromCode);
        };
    }

    private static Optional<String> normalise(DescriptionField field, String value, List<Violation> violations,
            List<Violation> notices) {
        String label = field.label();
        switch (field) {
            case FONDS, CATEGORY, ORG -> {
                String upper = value.toUpperCase(java.util.Locale.ROOT);
                var pattern = field == DescriptionField.FONDS ? ArchivalCode.FONDS
                        : field == DescriptionField.CATEGORY ? ArchivalCode.CATEGORY : ArchivalCode.ORG;
                if (!pattern.matcher(upper).matches()) {
                    violations.add(new Violation(label, value, "catalog.bad-code-part." + field.key()));
                    return Optional.empty();
                }
                return Optional.of(upper);
            }
            case YEAR -> {
                Optional<Integer> year = parseInt(value).filter(y -> y >= 1000 && y <= Year.now().getValue() + 1);
                if (year.isEmpty()) {
                    violations.add(new Violation(label, value, "catalog.bad-year"));
                }
                return year.map(String::valueOf);
            }
            case ITEM_NO, VOLUME -> {
                Optional<Integer> no = parseInt(value).filter(n -> n >= 1 && n <= ArchivalCode.MAX_ITEM_NO);
                if (no.isEmpty()) {
                    violations.add(new Violation(label, value, "catalog.bad-item-no"));
                }
                return no.map(String::valueOf);
            }
            case PAGES -> {
                Optional<Integer> pages = parseInt(value).filter(p -> p >= 0 && p < 1_000_000);
                if (pages.isEmpty()) {
                    violations.add(new Violation(label, value, "catalog.bad-number"));
                }
                return pages.map(String::valueOf);
            }
            case DATE -> {
                var date = ArchivalDates.parse(value);
                if (date.isEmpty()) {
                    violations.add(new Violation(label, value, "catalog.bad-date"));
                }
                return date.map(Object::toString);
            }
            case RETENTION -> {
                var r = Retention.parse(value);
                if (r.isEmpty()) {
                    violations.add(new Violation(label, value, "catalog.bad-retention"));
                }
                return r.map(Retention::code);
            }
            case CLASSIFICATION -> {
                var c = Classification.parse(value);
                if (c.isEmpty()) {
                    violations.add(new Violation(label, value, "catalog.bad-classification"));
                }
                return c.map(Enum::name);
            }
            case OPEN_STATUS -> {
                var s = OpenStatus.parse(value);
                if (s.isEmpty()) {
                    violations.add(new Violation(label, value, "catalog.bad-open-status"));
                }
                return s.map(Enum::name);
            }
            default -> {
                if (Vocabularies.listed(field) && !Vocabularies.of(field).contains(value)) {
                    Optional<String> listed = Vocabularies.synonym(field, value);
                    if (listed.isPresent()) {
                        notices.add(new Violation(label, value, "catalog.read-as-listed", value, listed.get()));
                        return listed;
                    }
                    violations.add(new Violation(label, value, "catalog.not-in-vocabulary",
                            String.join("、", Vocabularies.of(field))));
                    return Optional.empty();
                }
                return Optional.of(value);
            }
        }
    }

    private static void applyExtra(Category category, Map<String, String> extraRaw, Map<String, String> extra,
            List<Violation> violations) {
        extraRaw.forEach((name, value) -> {
            if (category.field(name).isEmpty() && clean(value) != null) {
                violations.add(new Violation(name, abbreviate(value), "catalog.unknown-extra-field", category.name()));
            }
        });
        for (FieldDefinition def : category.fields()) {
            String value = clean(extraRaw.containsKey(def.key()) ? extraRaw.get(def.key()) : extraRaw.get(def.label()));
            if (value == null) {
                if (def.mandatory()) {
                    violations.add(new Violation(def.label(), "", "catalog.missing"));
                }
                continue;
            }
            if (value.length() > def.maxLength()) {
                violations.add(new Violation(def.label(), abbreviate(value), "catalog.too-long", def.maxLength(),
                        value.length()));
                continue;
            }
            switch (def.type()) {
                case NUMBER -> {
                    try {
                        extra.put(def.key(), new BigDecimal(value).toPlainString());
                    } catch (NumberFormatException e) {
                        violations.add(new Violation(def.label(), value, "catalog.bad-number"));
                    }
                }
                case DATE -> ArchivalDates.parse(value).ifPresentOrElse(d -> extra.put(def.key(), d.toString()),
                        () -> violations.add(new Violation(def.label(), value, "catalog.bad-date")));
                case CHOICE -> {
                    if (def.vocabulary().contains(value)) {
                        extra.put(def.key(), value);
                    } else {
                        violations.add(new Violation(def.label(), value, "catalog.not-in-vocabulary",
                                String.join("、", def.vocabulary())));
                    }
                }
                case TEXT -> extra.put(def.key(), value);
            }
        }
    }

    private static Optional<Integer> parseInt(String value) {
        try {
            String v = value.strip();
            if (v.endsWith(".0")) {
                v = v.substring(0, v.length() - 2);
            }
            return Optional.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Trims, drops control characters that no catalogue means to hold, and treats blank as absent. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replace('\u3000', ' ').strip();
        if (v.isEmpty()) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            boolean control = ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r' || ch == 0x7f || ch == '\uFEFF';
            if (control && sb == null) {
                sb = new StringBuilder(v.substring(0, i));
            } else if (!control && sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? v : sb.toString();
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "…";
    }
}
