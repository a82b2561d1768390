package cn.lantai.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds catalogue files for tests: a header and rows, written as xlsx or as CSV in a chosen encoding. */
public final class Catalogues {

    public static final List<String> HEADER = List.of("档号", "题名", "责任者", "日期", "文件编号", "页数", "密级",
            "开放标识", "备注");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private Catalogues(List<String> header) {
        this.header = header;
    }

    public static Catalogues withHeader(String... header) {
        return new Catalogues(List.of(header));
    }

    public static Catalogues standard() {
        return new Catalogues(HEADER);
    }

    private static final java.util.Set<String> ISSUED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A fonds code nobody else in this test run uses, so tests sharing a database stay apart. */
    public static String freshFonds() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        // never the same code twice in a run: tests share a database, and two tests numbering items in one fonds
        // would count each other's (a random pick of 13,824 codes met itself now and then over ~300 tests)
        while (true) {
            StringBuilder sb = new StringBuilder("T");
            for (int i = 0; i < 3; i++) {
                sb.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
            }
            if (ISSUED.add(sb.toString())) {
                return sb.toString();
            }
        }
    }

    public Catalogues row(String... cells) {
        rows.add(Arrays.asList(cells));
        return this;
    }

    /** n well-formed rows of one group: {@code fonds-WS·year-Y-BGS-0001} … with titles that name their number. */
    public Catalogues items(String fonds, int year, int n) {
        for (int i = 1; i <= n; i++) {
            row(String.format("%s-WS·%d-Y-BGS-%04d", fonds, year, i), "关于第" + i + "号文件的通知", "区人民政府办公室",
                    year + "-03-12", "区府办〔" + year + "〕" + i + "号", "3", "", "开放", "");
        }
        return this;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public Path xlsx(Path dir) {
        try {
            Path file = Files.createTempFile(dir, "catalogue-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                Workbook wb = new Workbook(out, "test", "1.0");
                Worksheet ws = wb.newWorksheet("Sheet1");
                for (int c = 0; c < header.size(); c++) {
                    ws.value(0, c, header.get(c));
                }
                for (int r = 0; r < rows.size(); r++) {
                    List<String> row = rows.get(r);
                    for (int c = 0; c < row.size(); c++) {
                        if (row.get(c) != null && !row.get(c).isEmpty()) {
                            ws.value(r + 1, c, row.get(c));
                        }
                    }
                }
                wb.finish();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path csv(Path dir, Charset charset, boolean bom) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header.stream().map(Catalogues::quote).toList())).append("\r\n");
        for (List<String> row : rows) {
            sb.append(String.join(",", row.stream().map(Catalogues::quote).toList())).append("\r\n");
        }
        try {
            Path file = Files.createTempFile(dir, "catalogue-", ".csv");
            byte[] body = sb.toString().getBytes(charset);
            try (OutputStream out = Files.newOutputStream(file)) {
                if (bom) {
                    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                }
                out.write(body);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
