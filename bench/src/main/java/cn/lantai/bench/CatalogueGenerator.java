package cn.lantai.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Deterministic (seeded) generator of realistic catalogue rows (目录条目) of a district archive, as an archivist would
 * prepare them for a bulk import: one row per item (件), identified by its archival code (档号)
 * {@code 全宗号-门类代码·年度-保管期限-机构代码-件号}, for example {@code 0012-WS·2019-Y-BGS-0007}.
 *
 * <p>Rows are generated group by group (全宗·门类·年度·保管期限·机构) so that item numbers (件号) run gap-free from
 * 0001 within each group, and dates ascend within a group as they do in a real filing. Optionally each row carries
 * about 2 KB of body text (全文) standing in for OCR text, and chosen rows can be made bad on purpose to exercise the
 * importer's validation; their row numbers are reported as a spreadsheet user counts them (header is row 1).
 *
 * <pre>
 * java -cp ... cn.lantai.bench.CatalogueGenerator --rows 1000000 --body --out bench/work/rows.csv
 *      [--xlsx] [--bom] [--seed 42] [--body-bytes 2048] [--bad 0.001 --bad-rows-out bench/work/bad-rows.csv]
 * </pre>
 */
public final class CatalogueGenerator {

    /** Column headers, exactly as the importer expects them; 全文 is present only with body text. */
    public static final List<String> HEADERS = List.of("档号", "全宗号", "门类代码", "年度", "保管期限", "机构(问题)代码", "件号",
            "题名", "日期", "责任者", "文件编号", "页数", "密级", "开放标识", "主题词", "备注", "全文");

    public static final int CODE = 0, FONDS = 1, CATEGORY = 2, YEAR = 3, RETENTION = 4, ORG = 5, ITEM_NO = 6,
            TITLE = 7, DATE = 8, CREATOR = 9, DOC_NUMBER = 10, PAGES = 11, CLASSIFICATION = 12, OPEN_STATUS = 13,
            KEYWORDS = 14, REMARKS = 15, BODY = 16;

    /** The shape of every archival code this generator writes. */
    public static final Pattern CODE_FORMAT =
            Pattern.compile("000[1-8]-WS·(199\\d|20[0-2]\\d)-(Y|D30|D10)-[A-Z]{3}-\\d{4}");

    static final int FIRST_YEAR = 1990, LAST_YEAR = 2024, FONDS_COUNT = 8;
    /** Retention (保管期限) codes used in the archival code, and the labels archivists write in the column. */
    static final List<String> RETENTION_CODES = List.of("Y", "D30", "D10");
    static final List<String> RETENTION_LABELS = List.of("永久", "定期30年", "定期10年");
    /** The most rows an .xlsx sheet can hold below its header. */
    static final int XLSX_MAX_ROWS = 1_048_575;

    /** The ways a row can be made bad on purpose. */
    public enum BadKind {
        /** 题名 left empty. */
        EMPTY_TITLE,
        /** 日期 that does not exist, such as {@code 2019-02-30}. */
        IMPOSSIBLE_DATE,
        /** An added row repeating the 档号 (and its parts) of the valid row just before it. */
        DUPLICATE_CODE,
        /** 保管期限 not among 永久 / 定期30年 / 定期10年 (the pre-2006 term 长期). */
        BAD_RETENTION
    }

    /** A row made bad on purpose; {@code rowNumber} counts the header as row 1, so the first data row is row 2. */
    public record BadRow(long rowNumber, BadKind kind) {
    }

    /**
     * What to generate.
     *
     * @param badFraction probability that a row is made bad; kinds are used in turn
     * @param bodyBytes   approximate UTF-8 size of the body text (全文) when {@code body} is on
     */
    public record Options(long rows, boolean body, long seed, double badFraction, int bodyBytes) {
        public Options(long rows, boolean body) {
            this(rows, body, 42L, 0.0, 2048);
        }
    }

    /** Receives generated rows in order, as cells in {@link #HEADERS} order. */
    @FunctionalInterface
    public interface RowSink {
        void accept(String[] cells) throws IOException;
    }

    private final Options options;

    public CatalogueGenerator(Options options) {
        this.options = options;
    }

    public List<String> headers() {
        return options.body() ? HEADERS : HEADERS.subList(0, BODY);
    }

    /**
     * Generates all rows into the sink and returns the rows made bad. The good rows do not depend on the bad
     * fraction: with the same seed, a file with bad rows differs from a clean one only in the reported rows.
     */
    public List<BadRow> generate(RowSink sink) throws IOException {
        Random rnd = new Random(options.seed());
        Random badRnd = new Random(options.seed() * 31 + 7);
        List<int[]> groups = new ArrayList<>(); // {fonds, year, retention index, org index}
        for (int f = 1; f <= FONDS_COUNT; f++) {
            for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                for (int r = 0; r < RETENTION_CODES.size(); r++) {
                    for (int o = 0; o < Vocabulary.ORGS.size(); o++) {
                        groups.add(new int[] {f, y, r, o});
                    }
                }
            }
        }
        Collections.shuffle(groups, rnd);
        int[] nextItem = new int[groups.size()];
        int[] nextSerial = new int[groups.size()];
        Arrays.fill(nextItem, 1);
        long avg = Math.max(3, (long) Math.ceil(options.rows() * 1.25 / groups.size()));
        List<BadRow> bad = new ArrayList<>();
        int badTurn = 0;
        long produced = 0;
        for (int g = 0; produced < options.rows(); g = (g + 1) % groups.size()) {
            int[] group = groups.get(g);
            int room = 9999 - nextItem[g] + 1;
            int size = (int) Math.min(Math.min(room, options.rows() - produced), 1 + rnd.nextInt((int) (2 * avg - 1)));
            int[] days = new int[size];
            int yearLength = Year.of(group[1]).length();
            for (int i = 0; i < size; i++) {
                days[i] = 1 + rnd.nextInt(yearLength);
            }
            Arrays.sort(days);
            if (nextSerial[g] == 0) {
                nextSerial[g] = 1 + rnd.nextInt(5);
            }
            for (int i = 0; i < size; i++) {
                String[] cells = row(rnd, group, nextItem[g]++, nextSerial[g], LocalDate.ofYearDay(group[1], days[i]));
                nextSerial[g] += 1 + rnd.nextInt(3);
                long rowNumber = produced + 2;
                if (options.badFraction() > 0 && badRnd.nextDouble() < options.badFraction()) {
                    BadKind kind = BadKind.values()[badTurn++ % BadKind.values().length];
                    if (kind == BadKind.DUPLICATE_CODE) {
                        // a repeated 档号 is an extra row after the good one, so no item number goes missing
                        sink.accept(cells);
                        produced++;
                        if (produced == options.rows()) {
                            break;
                        }
                        cells = cells.clone();
                        cells[TITLE] = cells[TITLE] + "（重复录入）";
                        rowNumber = produced + 2;
                    } else {
                        spoil(cells, kind);
                    }
                    bad.add(new BadRow(rowNumber, kind));
                }
                sink.accept(cells);
                produced++;
            }
        }
        return bad;
    }

    private String[] row(Random rnd, int[] group, int itemNo, int serial, LocalDate date) {
        int year = group[1];
        Vocabulary.Org org = Vocabulary.ORGS.get(group[3]);
        String fonds = String.format("%04d", group[0]);
        String retention = RETENTION_CODES.get(group[2]);
        String subject = Vocabulary.pick(rnd, Vocabulary.SUBJECTS);
        String title = Vocabulary.title(rnd, org, year, subject);
        String docType = title.endsWith("函") ? "函" : title.substring(title.length() - 2);
        int secret = rnd.nextInt(100);
        int open = rnd.nextInt(100);
        String[] cells = new String[options.body() ? HEADERS.size() : BODY];
        cells[CODE] = fonds + "-WS·" + year + "-" + retention + "-" + org.code() + "-" + String.format("%04d", itemNo);
        cells[FONDS] = fonds;
        cells[CATEGORY] = "WS";
        cells[YEAR] = Integer.toString(year);
        cells[RETENTION] = RETENTION_LABELS.get(group[2]);
        cells[ORG] = org.code();
        cells[ITEM_NO] = String.format("%04d", itemNo);
        cells[TITLE] = title;
        cells[DATE] = date.toString();
        cells[CREATOR] = Vocabulary.creator(rnd, org, title);
        cells[DOC_NUMBER] = Vocabulary.docNumber(org, year, serial);
        cells[PAGES] = Integer.toString(1 + Math.min(rnd.nextInt(40), rnd.nextInt(40)));
        cells[CLASSIFICATION] = secret < 94 ? "" : secret < 98 ? "秘密" : "机密";
        cells[OPEN_STATUS] = secret >= 94 ? "控制使用" : openStatus(LAST_YEAR - year, open);
        cells[KEYWORDS] = Vocabulary.pick(rnd, Vocabulary.KEYWORDS) + " " + subject + " " + docType;
        cells[REMARKS] = Vocabulary.pick(rnd, Vocabulary.REMARKS);
        if (options.body()) {
            cells[BODY] = Vocabulary.body(rnd, title, subject, options.bodyBytes());
        }
        return cells;
    }

    /**
     * 开放标识 as the opening appraisal (开放鉴定) leaves an unclassified record of a given age, for a roll of 0–99:
     * records open 25 years after they were made (档案法, 2020), earlier only where their content was public already
     * (政府信息公开), and many recent ones are not appraised yet. Over 1990–2024 about half of all rows are open and
     * unclassified, so the public search has as much to find as to leave out.
     */
    static String openStatus(int age, int roll) {
        if (age >= 25) {
            return roll < 85 ? "开放" : roll < 95 ? "控制使用" : "延期开放";
        }
        if (age >= 10) {
            return roll < 45 ? "开放" : roll < 75 ? "未鉴定" : roll < 92 ? "控制使用" : "延期开放";
        }
        return roll < 20 ? "开放" : roll < 90 ? "未鉴定" : "控制使用";
    }

    private static void spoil(String[] cells, BadKind kind) {
        switch (kind) {
            case EMPTY_TITLE -> cells[TITLE] = "";
            case IMPOSSIBLE_DATE -> cells[DATE] = cells[YEAR] + "-02-30";
            case BAD_RETENTION -> cells[RETENTION] = "长期";
            case DUPLICATE_CODE -> throw new IllegalArgumentException("a duplicate is an added row, not a spoiled one");
        }
    }

    /** Writes UTF-8 CSV (RFC 4180, CRLF), optionally with a byte-order mark as Excel writes it. */
    public List<BadRow> writeCsv(Path out, boolean bom) throws IOException {
        createParent(out);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            if (bom) {
                w.write('\uFEFF');
            }
            csv.printRecord(headers());
            return generate(cells -> csv.printRecord((Object[]) cells));
        }
    }

    /** Writes an .xlsx workbook with one sheet, header in row 1, as an archivist's spreadsheet. */
    public List<BadRow> writeXlsx(Path out) throws IOException {
        if (options.rows() > XLSX_MAX_ROWS) {
            throw new IllegalArgumentException("an .xlsx sheet holds at most " + XLSX_MAX_ROWS + " data rows");
        }
        createParent(out);
        try (OutputStream os = Files.newOutputStream(out); Workbook wb = new Workbook(os, "Lantai bench", "1.0")) {
            Worksheet ws = wb.newWorksheet("目录");
            List<String> headers = headers();
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
            }
            int[] r = {1};
            List<BadRow> bad = generate(cells -> {
                for (int c = 0; c < cells.length; c++) {
                    ws.value(r[0], c, cells[c]);
                }
                if (r[0]++ % 10_000 == 0) {
                    ws.flush();
                }
            });
            wb.finish();
            return bad;
        }
    }

    /** Writes the bad rows as CSV {@code row,kind}, one line each. */
    public static void writeBadRows(List<BadRow> bad, Path out) throws IOException {
        createParent(out);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("row,kind\n");
            for (BadRow b : bad) {
                w.write(b.rowNumber() + "," + b.kind() + "\n");
            }
        }
    }

    private static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        boolean xlsx = args.flag("xlsx");
        Options options = new Options(args.getLong("rows", 1000), args.flag("body"), args.getLong("seed", 42),
                args.getDouble("bad", 0.0), args.getInt("body-bytes", 2048));
        Path out = Path.of(args.get("out", xlsx ? "bench/work/rows.xlsx" : "bench/work/rows.csv"));
        long start = System.nanoTime();
        CatalogueGenerator generator = new CatalogueGenerator(options);
        List<BadRow> bad = xlsx ? generator.writeXlsx(out) : generator.writeCsv(out, args.flag("bom"));
        String badOut = args.get("bad-rows-out");
        if (badOut != null) {
            writeBadRows(bad, Path.of(badOut));
        }
        System.err.printf("wrote %,d rows (%d bad) to %s, %,d bytes, in %.1f s%n", options.rows(), bad.size(), out,
                Files.size(out), (System.nanoTime() - start) / 1e9);
    }
}
