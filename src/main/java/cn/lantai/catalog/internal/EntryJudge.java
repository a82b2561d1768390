package cn.lantai.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Judges entries against the rules and against the fonds and categories registered now. */
@Component
public class EntryJudge {

    private final Registry registry;
    private final Volumes volumes;
    private final EntryRules rules;

    EntryJudge(Registry registry, Volumes volumes, @Value("${lantai.archive-code:}") String archiveCode) {
        this.registry = registry;
        this.volumes = volumes;
        this.rules = new EntryRules(archiveCode);
    }

    /** The registry as it stands, read once: an import judges a million rows against one snapshot. */
    public Snapshot snapshot() {
        return new Snapshot(registry.fonds().stream().map(Fonds::code).collect(Collectors.toSet()),
                registry.categories().stream().collect(Collectors.toMap(Category::code, Function.identity())),
                volumes.groupsInFiles(), volumes.fileKeys());
    }

    public EntryRules rules() {
        return rules;
    }

    /** Fonds and categories at one moment. */
    public final class Snapshot {

        private final Set<String> fonds;
        private final Map<String, Category> categories;
        private final Set<String> groupsInFiles;
        private final Set<String> files;

        Snapshot(Set<String> fonds, Map<String, Category> categories, Set<String> groupsInFiles, Set<String> files) {
            this.fonds = fonds;
            this.categories = categories;
            this.groupsInFiles = groupsInFiles;
            this.files = files;
        }

        public boolean fondsRegistered(String code) {
            return fonds.contains(code);
        }

        public java.util.Collection<Category> categories() {
            return categories.values();
        }

        public Category category(String code) {
            return code == null ? null : categories.get(code.strip().toUpperCase(Locale.ROOT));
        }

        /**
         * Judges an entry on its own: the rules, and the fonds and categories registered, which anyone may know.
         * What depends on the records of its group ({@link #arrangement}, numbers, duplicates) is judged only once
         * the writer may write in the group (see {@link GroupGate}).
         */
        public Entry judge(EntryInput input) {
            String categoryCode = input.fields().get(DescriptionField.CATEGORY);
            if (categoryCode == null && input.archivalCode() != null) {
                categoryCode = ArchivalCode.parse(input.archivalCode()).or(() -> ArchivalCode.parseInFile(
                        input.archivalCode())).map(ArchivalCode::category).orElse(null);
            }
            Entry entry = rules.apply(input.archivalCode(), input.fields(), input.extra(), category(categoryCode));
            String fondsCode = entry.description().get(DescriptionField.FONDS);
            if (fondsCode == null || fonds.contains(fondsCode)) {
                return entry;
            }
            List<Violation> violations = new ArrayList<>(entry.violations());
            violations.add(new Violation(DescriptionField.FONDS.label(), fondsCode, "catalog.unknown-fonds"));
            return new Entry(entry.description(), entry.extra(), violations, entry.notices());
        }

        /**
         * A group is arranged in files (卷) or in loose items (件), never both: an item of a group in files must name
         * an existing file, and an item naming a file must belong to a group in files.
         */
        public List<Violation> arrangement(Description d) {
            Integer volume = d.volume();
            String group = d.arrangementGroup();
            if (volume == null && groupsInFiles.contains(group)) {
                return List.of(new Violation(DescriptionField.VOLUME.label(), "", "catalog.group-in-files"));
            }
            if (volume != null && !files.contains(group + "|" + volume)) {
                return List.of(new Violation(DescriptionField.VOLUME.label(), volume.toString(), "catalog.unknown-file"));
            }
            return List.of();
        }
    }
}
