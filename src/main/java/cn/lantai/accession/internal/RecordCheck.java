package cn.lantai.accession.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.TransferPackage;
import cn.lantai.accession.TransferPackage.PackageRecord;
import cn.lantai.accession.TransferPackage.PayloadFile;
import cn.lantai.catalog.CatalogSheets.Judgement;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.Violation;
import cn.lantai.catalog.ZipEntryNames;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The checks of the catalogue's records (DA/T 70-2018): each entry by the catalogue's own rules (authenticity: types,
 * lengths, formats, ranges; integrity: mandatory fields), its files named safely and present, its declared file size,
 * item numbers (件号) gap-free in each group, and the counts bag-info.txt declares. It also answers which record
 * claims which file, so faults of a file name their record.
 */
public final class RecordCheck {

    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|m|mb|g|gb)?\\s*");
    private static final List<String> ITEM_COUNT = List.of("件数", "Item-Count");
    private static final List<String> VOLUME_COUNT = List.of("卷数", "Volume-Count");

    private final Function<EntryInput, Judgement> judge;
    private final IntFunction<String> rowLabel;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> claims = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, String>> groups = new LinkedHashMap<>();
    private final Set<String> volumes = new HashSet<>();
    private final List<DeclaredFormat> formats = new ArrayList<>();
    private final Map<Integer, String> labels = new LinkedHashMap<>();

    /** A record's 计算机文件格式 as described, with its files (payload-relative), for the check of its content. */
    public record DeclaredFormat(String record, String format, List<String> files) {
    }

    /**
     * @param judge    the catalogue's judge of one entry
     * @param rowLabel names a record without a 档号 by its row ("第3行")
     */
    public RecordCheck(Function<EntryInput, Judgement> judge, IntFunction<String> rowLabel) {
        this.judge = judge;
        this.rowLabel = rowLabel;
    }

    /** Checks every record of the package; the findings, then {@link #claims()}, answer. */
    public List<Finding> check(TransferPackage pkg) {
        Map<String, PayloadFile> present = new LinkedHashMap<>();
        pkg.files().forEach(f -> present.put(f.name(), f));
        for (PackageRecord record : pkg.records()) {
            check(record, present);
        }
        sequences();
        counts(pkg);
        return findings;
    }

    /** The records that describe their 计算机文件格式. */
    public List<DeclaredFormat> declaredFormats() {
        return formats;
    }

    /** Each record's label (as the report names it) by its row of the catalogue sheet. */
    public Map<Integer, String> labels() {
        return labels;
    }

    /** Which record (its label) lists each payload-relative file, the first one when several do. */
    public Map<String, String> claims() {
        return claims;
    }

    private void check(PackageRecord record, Map<String, PayloadFile> present) {
        Judgement judged = judge.apply(record.entry());
        Description d = judged.description();
        String label = label(record, judged);
        labels.put(record.row(), label);
        List<Violation> missing = judged.violations().stream().filter(v -> v.code().equals("catalog.missing")).toList();
        missing.forEach(v -> findings.add(Finding.fail(Property.INTEGRITY, "INTEG-MANDATORY", label, null,
                "accession.check.mandatory", v.field())));
        judged.violations().stream().filter(v -> !v.code().equals("catalog.missing")).forEach(v -> findings.add(
                Finding.fail(Property.AUTHENTICITY, "AUTH-METADATA", label, null, "accession.check.metadata",
                        v.field(), v.value(), new DefaultMessageSourceResolvable(new String[] {v.code()},
                                v.args().toArray()))));
        if (judged.valid()) {
            findings.add(Finding.pass(Property.AUTHENTICITY, "AUTH-METADATA", label, null, "accession.check.metadata-ok"));
            findings.add(Finding.pass(Property.INTEGRITY, "INTEG-MANDATORY", label, null, "accession.check.mandatory-ok"));
        }
        if (numbered(d)) {
            number(d, label);
        }
        files(record, label, d, present);
    }

    /**
     * Whether the entry's group and item number could be read, whatever else it breaks: a record refused for its date
     * still holds its place in the numbering, so its fault is not reported again as a gap.
     */
    private static boolean numbered(Description d) {
        return d.get(DescriptionField.FONDS) != null && d.get(DescriptionField.CATEGORY) != null
                && d.get(DescriptionField.YEAR) != null && d.get(DescriptionField.RETENTION) != null
                && d.itemNo() > 0;
    }

    private void number(Description d, String label) {
        TreeMap<Integer, String> numbers = groups.computeIfAbsent(d.groupKey(), g -> new TreeMap<>());
        if (numbers.putIfAbsent(d.itemNo(), label) != null) {
            findings.add(Finding.fail(Property.INTEGRITY, "INTEG-SEQUENCE", label, null,
                    "accession.check.number-repeated", d.itemNo()));
        }
        if (d.volume() != null) {
            volumes.add(d.arrangementGroup() + "|" + d.volume());
        }
    }

    private String label(PackageRecord record, Judgement judged) {
        if (judged.valid() && judged.description().itemNo() > 0) {
            return judged.description().archivalCode().toString();
        }
        String given = record.entry().archivalCode();
        return given == null || given.isBlank() ? rowLabel.apply(record.row()) : given.strip();
    }

    private void files(PackageRecord record, String label, Description d, Map<String, PayloadFile> present) {
        if (record.files().isEmpty()) {
            findings.add(Finding.fail(Property.INTEGRITY, "INTEG-CONTENT", label, null, "accession.check.no-files"));
            return;
        }
        long size = 0;
        boolean whole = true;
        List<String> names = new ArrayList<>();
        for (String given : record.files()) {
            String name = ZipEntryNames.safeRelative(given);
            if (name == null) {
                findings.add(Finding.fail(Property.SECURITY, "SEC-PATH", label, given, "accession.check.record-path"));
                whole = false;
                continue;
            }
            names.add(name);
            claims.putIfAbsent(name, label);
            PayloadFile file = present.get(name);
            whole &= file != null && file.size() > 0;
            size += file == null ? 0 : file.size();
        }
        if (d.get(DescriptionField.FILE_FORMAT) != null) {
            formats.add(new DeclaredFormat(label, d.get(DescriptionField.FILE_FORMAT), List.copyOf(names)));
        }
        // a missing or empty file is already its own fault; the size it leaves short is not a second one
        String declared = d.get(DescriptionField.FILE_SIZE);
        if (declared != null && whole) {
            fileSize(label, declared, size);
        }
    }

    /** 计算机文件大小 against the record's files: bytes exactly, or in K/M/G to the precision written. */
    private void fileSize(String label, String declared, long actual) {
        Matcher m = SIZE.matcher(declared);
        if (!m.matches()) {
            findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-FILE-PROPS", label, null,
                    "accession.check.size-unreadable", declared));
            return;
        }
        BigDecimal value = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT).substring(0, 1);
        long scale = switch (unit) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1L;
        };
        BigDecimal tolerance = BigDecimal.valueOf(scale).multiply(BigDecimal.ONE.movePointLeft(value.scale()))
                .divide(BigDecimal.valueOf(2));
        BigDecimal difference = value.multiply(BigDecimal.valueOf(scale)).subtract(BigDecimal.valueOf(actual)).abs();
        boolean matches = scale == 1 ? difference.signum() == 0 : difference.compareTo(tolerance) <= 0;
        findings.add(matches
                ? Finding.pass(Property.AUTHENTICITY, "AUTH-FILE-PROPS", label, null, "accession.check.size-ok")
                : Finding.fail(Property.AUTHENTICITY, "AUTH-FILE-PROPS", label, null, "accession.check.size-differs",
                        declared, actual));
    }

    /** Item numbers run on from the group's lowest in the package, one after another (DA/T 22: no gaps). */
    private void sequences() {
        groups.forEach((group, numbers) -> {
            int expected = numbers.firstKey();
            boolean gap = false;
            for (var number : numbers.entrySet()) {
                if (number.getKey() != expected) {
                    gap = true;
                    findings.add(Finding.fail(Property.INTEGRITY, "INTEG-SEQUENCE", number.getValue(), null,
                            "accession.check.number-gap", expected, number.getKey()));
                }
                expected = number.getKey() + 1;
            }
            if (!gap) {
                findings.add(Finding.pass(Property.INTEGRITY, "INTEG-SEQUENCE", null, null,
                        "accession.check.sequence-ok", group, numbers.size()));
            }
        });
    }

    /** 件数 and 卷数 of bag-info.txt against the records (all rows) and the files (卷) the valid records name. */
    private void counts(TransferPackage pkg) {
        count(pkg, ITEM_COUNT, pkg.records().size());
        count(pkg, VOLUME_COUNT, volumes.size());
    }

    private void count(TransferPackage pkg, List<String> labels, int actual) {
        String label = labels.stream().filter(l -> pkg.bagInfo(l) != null).findFirst().orElse(null);
        if (label == null) {
            return;
        }
        String declared = pkg.bagInfo(label).strip();
        if (!declared.matches("\\d{1,9}")) {
            findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-BAG-INFO", null, "bag-info.txt",
                    "accession.check.count-unreadable", label, declared));
        } else if (Integer.parseInt(declared) != actual) {
            findings.add(Finding.fail(Property.INTEGRITY, "INTEG-COUNT", null, "bag-info.txt",
                    "accession.check.count-differs", label, declared, actual));
        } else {
            findings.add(Finding.pass(Property.INTEGRITY, "INTEG-COUNT", null, "bag-info.txt",
                    "accession.check.count-ok", label, actual));
        }
    }
}
