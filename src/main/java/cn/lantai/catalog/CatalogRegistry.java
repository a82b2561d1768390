package cn.lantai.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.internal.EntryRules;
import cn.lantai.catalog.internal.FieldUsage;
import cn.lantai.catalog.internal.Registry;
import cn.lantai.catalog.internal.Rights;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's set-up (全宗与门类): fonds registered with their creating unit and years, and categories with the
 * fields of their own. The API and the workbench's pages save through the same two methods, with the same checks
 * (the 档号 rules for codes, a clash with what is registered, a definition that records already contradict) and the
 * same audit entry.
 */
@Service
public class CatalogRegistry {

    /** Longest fonds name, notes and category name, as the schema keeps them. */
    static final int MAX_NAME = 200;
    static final int MAX_NOTES = 1000;
    static final int MAX_CATEGORY_NAME = 100;
    /** Names of the fonds's own properties in violations (the 全宗号 is {@link DescriptionField#FONDS}'s label). */
    public static final String FONDS_NAME = "全宗名称";
    public static final String FONDS_UNIT = "立档单位";
    public static final String START_YEAR = "起始年度";
    public static final String END_YEAR = "终止年度";
    public static final String FONDS_NOTES = "备注";
    public static final String CATEGORY_NAME = "门类名称";
    public static final String FIELD_KEY_NAME = "字段代码";
    public static final String FIELD_LABEL_NAME = "字段名称";

    private static final Pattern FIELD_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    /** Whether a save may make something new, change what is there, or either (the API's PUT). */
    public enum Intent {
        /** Register or define anew: a code already taken is refused, unless the same thing is sent again. */
        NEW,
        /** Change what is registered: an unknown code is refused. */
        EXISTING,
        /** Either (PUT). */
        EITHER
    }

    private final Registry registry;
    private final FieldUsage usage;
    private final AuditTrail trail;
    private final Rights rights;
    private final ObjectProvider<FormingUnits> units;
    private final ApplicationEventPublisher events;

    CatalogRegistry(Registry registry, FieldUsage usage, AuditTrail trail, Rights rights,
            ObjectProvider<FormingUnits> units, ApplicationEventPublisher events) {
        this.registry = registry;
        this.usage = usage;
        this.trail = trail;
        this.rights = rights;
        this.units = units;
        this.events = events;
    }

    // ---- fonds ----------------------------------------------------------------------------------------------

    public List<Fonds> fonds() {
        return registry.fonds();
    }

    public Optional<Fonds> fonds(String code) {
        return registry.fonds(code);
    }

    /** The units that may form a fonds, by code; empty where no module keeps units. */
    public List<FormingUnits.Unit> formingUnits() {
        FormingUnits known = units.getIfAvailable();
        return known == null ? List.of() : known.units();
    }

    /**
     * Registers a fonds or changes its registration. Refused (nothing saved): without {@link CatalogRight#CATALOG_DEFINE}
     * (audited, 403); a code that breaks the 档号 rules, a missing or long name, a unit nobody keeps, years that are no
     * years or run backwards, long notes ({@link InvalidEntry}, all at once); a code already registered when a new
     * fonds is meant, or an unknown one when a change is meant ({@link CatalogConflict}). The very fonds sent again as
     * new (a form posted twice) is answered as registered, and nothing is written or audited twice.
     */
    @Transactional
    public Fonds saveFonds(Fonds given, Intent intent, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_DEFINE, "fonds:" + given.code());
        Fonds fonds = new Fonds(given.code(), strip(given.name()), strip(given.unit()), given.startYear(),
                given.endYear(), strip(given.notes()));
        List<Violation> violations = new ArrayList<>();
        if (fonds.code() == null || !ArchivalCode.FONDS.matcher(fonds.code()).matches()) {
            violations.add(new Violation(DescriptionField.FONDS.label(), String.valueOf(fonds.code()),
                    "catalog.bad-code-part.fonds"));
        }
        if (fonds.name() == null) {
            violations.add(new Violation(FONDS_NAME, "", "catalog.missing"));
        } else if (fonds.name().length() > MAX_NAME) {
            violations.add(new Violation(FONDS_NAME, abbreviate(fonds.name()), "catalog.too-long", MAX_NAME,
                    fonds.name().length()));
        }
        if (fonds.unit() != null) {
            List<FormingUnits.Unit> known = formingUnits();
            if (units.getIfAvailable() != null && known.stream().noneMatch(u -> u.code().equals(fonds.unit()))) {
                violations.add(new Violation(FONDS_UNIT, abbreviate(fonds.unit()), "registry.unknown-unit"));
            }
        }
        checkYear(START_YEAR, fonds.startYear(), violations);
        checkYear(END_YEAR, fonds.endYear(), violations);
        if (fonds.startYear() != null && fonds.endYear() != null && fonds.startYear() > fonds.endYear()) {
            violations.add(new Violation(END_YEAR, fonds.endYear().toString(), "registry.years-reversed",
                    fonds.startYear()));
        }
        if (fonds.notes() != null && fonds.notes().length() > MAX_NOTES) {
            violations.add(new Violation(FONDS_NOTES, abbreviate(fonds.notes()), "catalog.too-long", MAX_NOTES,
                    fonds.notes().length()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidEntry(violations);
        }
        Optional<Fonds> before = registry.fonds(fonds.code());
        if (before.isPresent() && intent == Intent.NEW) {
            if (before.get().equals(fonds)) {
                return fonds;
            }
            throw new CatalogConflict("registry.fonds-exists", fonds.code(), before.get().name());
        }
        if (before.isEmpty() && intent == Intent.EXISTING) {
            throw new CatalogConflict("registry.fonds-unknown", fonds.code());
        }
        registry.saveFonds(fonds);
        events.publishEvent(new CatalogDefinitionsChanged("fonds:" + fonds.code()));
        trail.record(new AuditEvent(actor.name(), actor.address(), "catalog.define-fonds", "fonds:" + fonds.code(),
                before.map(Fonds::toString).orElse(null), fonds.toString()));
        return fonds;
    }

    private static void checkYear(String name, Integer year, List<Violation> violations) {
        if (year != null && (year < 1000 || year > 9999)) {
            violations.add(new Violation(name, year.toString(), "catalog.bad-year"));
        }
    }

    // ---- categories -----------------------------------------------------------------------------------------

    public List<Category> categories() {
        return registry.categories();
    }

    public Category category(String code) {
        return registry.category(code).orElseThrow(() -> new CatalogConflict("catalog.unknown-category", code));
    }

    /**
     * Defines a category or replaces its definition; values already stored under removed fields stay in history.
     * Refused (nothing saved) as {@link #saveFonds} is for its code, name and each field's key, label, type and
     * vocabulary; and, where the category holds records, a definition those records contradict
     * ({@link FieldsInUse}): a field made mandatory that some lack, a vocabulary narrowed, a length shortened or a type
     * changed (to a number or a date) below values they hold, each naming how many and one 档号.
     */
    @Transactional
    public Category saveCategory(Category category, Intent intent, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_DEFINE, "category:" + category.code());
        List<Violation> violations = new ArrayList<>();
        if (category.code() == null || !ArchivalCode.CATEGORY.matcher(category.code()).matches()) {
            violations.add(new Violation(DescriptionField.CATEGORY.label(), String.valueOf(category.code()),
                    "catalog.bad-code-part.category"));
        }
        if (category.name() == null || category.name().isBlank() || category.name().length() > MAX_CATEGORY_NAME) {
            violations.add(new Violation(CATEGORY_NAME, String.valueOf(category.name()), "catalog.missing"));
        }
        Set<String> seen = new HashSet<>();
        for (FieldDefinition def : category.fields()) {
            if (def.key() == null || !FIELD_KEY.matcher(def.key()).matches()
                    || DescriptionField.byKey(def.key()).isPresent()) {
                violations.add(new Violation(FIELD_KEY_NAME, String.valueOf(def.key()), "catalog.bad-field-key"));
            }
            if (def.label() == null || def.label().isBlank() || def.label().length() > 50
                    || isBuiltInLabel(def.label())) {
                violations.add(new Violation(FIELD_LABEL_NAME, String.valueOf(def.label()), "catalog.bad-field-label"));
            }
            if (def.type() == null) {
                violations.add(new Violation(String.valueOf(def.label()), "", "catalog.bad-field-type"));
            }
            if (def.type() == FieldDefinition.Type.CHOICE && def.vocabulary().isEmpty()) {
                violations.add(new Violation(String.valueOf(def.label()), "", "catalog.empty-vocabulary"));
            }
            if (!seen.add(def.key()) || !seen.add("label:" + def.label())) {
                violations.add(new Violation(String.valueOf(def.label()), def.key(), "catalog.duplicate-field"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidEntry(violations);
        }
        Optional<Category> before = registry.category(category.code());
        if (before.isPresent() && intent == Intent.NEW) {
            if (before.get().equals(category)) {
                return category;
            }
            throw new CatalogConflict("registry.category-exists", category.code(), before.get().name());
        }
        if (before.isEmpty() && intent == Intent.EXISTING) {
            throw new CatalogConflict("catalog.unknown-category", category.code());
        }
        if (before.isPresent()) {
            refuseWhatRecordsContradict(before.get(), category);
        }
        registry.saveCategory(category);
        events.publishEvent(new CatalogDefinitionsChanged("category:" + category.code()));
        trail.record(new AuditEvent(actor.name(), actor.address(), "catalog.define-category",
                "category:" + category.code(), before.map(Category::toString).orElse(null), category.toString()));
        return category;
    }

    /**
     * Asks the category's records, in one pass, about every field the new definition tightens; a field newly kept
     * (or kept again after removal) is asked about too, since records may hold values under its key.
     */
    private void refuseWhatRecordsContradict(Category before, Category after) {
        Map<String, FieldDefinition> old = before.fields().stream()
                .collect(Collectors.toMap(FieldDefinition::key, Function.identity()));
        List<FieldUsage.Question> questions = new ArrayList<>();
        List<Runnable> verdicts = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (FieldDefinition def : after.fields()) {
            FieldDefinition was = old.get(def.key());
            if (def.mandatory() && (was == null || !was.mandatory())) {
                FieldUsage.Question q = new FieldUsage.Question(def.key(), true, Objects::isNull);
                questions.add(q);
                verdicts.add(() -> found(q, def, "registry.field-values-missing", violations));
            }
            if (def.type() == FieldDefinition.Type.CHOICE && (was == null || was.type() != def.type()
                    || !def.vocabulary().containsAll(was.vocabulary()))) {
                FieldUsage.Question q = new FieldUsage.Question(def.key(), false,
                        v -> v != null && !def.vocabulary().contains(v));
                questions.add(q);
                verdicts.add(() -> found(q, def, "registry.field-values-outside", violations));
            }
            if ((def.type() == FieldDefinition.Type.NUMBER || def.type() == FieldDefinition.Type.DATE)
                    && (was == null || was.type() != def.type())) {
                FieldUsage.Question q = new FieldUsage.Question(def.key(), false, v -> v != null && !fits(def, v));
                questions.add(q);
                verdicts.add(() -> found(q, def, "registry.field-values-wrong-type", violations));
            }
            if (was == null || def.maxLength() < was.maxLength()) {
                FieldUsage.Question q = new FieldUsage.Question(def.key(), false,
                        v -> v != null && v.length() > def.maxLength());
                questions.add(q);
                verdicts.add(() -> found(q, def, "registry.field-values-longer", violations));
            }
        }
        usage.scan(after.code(), questions);
        verdicts.forEach(Runnable::run);
        if (!violations.isEmpty()) {
            throw new FieldsInUse(violations);
        }
    }

    /** Whether a stored value reads as the field's new type, as {@link EntryRules} would read it. */
    private static boolean fits(FieldDefinition def, String value) {
        if (def.type() == FieldDefinition.Type.DATE) {
            return ArchivalDates.parse(value).isPresent();
        }
        try {
            new BigDecimal(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void found(FieldUsage.Question q, FieldDefinition def, String code, List<Violation> violations) {
        if (q.count() > 0) {
            violations.add(new Violation(def.label(), q.example(), code, q.count(), q.example(),
                    switch (def.type()) {
                        case CHOICE -> String.join("、", def.vocabulary());
                        case TEXT -> def.maxLength();
                        default -> code.equals("registry.field-values-wrong-type") ? def.type().name()
                                : def.maxLength();
                    }));
        }
    }

    static boolean isBuiltInLabel(String label) {
        for (DescriptionField f : DescriptionField.values()) {
            if (f.label().equals(label) || f.aliases().contains(label)) {
                return true;
            }
        }
        return label.equals(EntryRules.ARCHIVAL_CODE_LABEL);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 50 ? text : text.substring(0, 50) + "…";
    }
}
