package cn.lantai.accession.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.lantai.accession.FilingReceipt;
import cn.lantai.accession.PropertyCheck;
import cn.lantai.audit.SealedDocument;

/**
 * The printed forms of what accession issues under the archive's seal: a filing's receipt (归档回执) and a report of
 * the four-properties check. Chinese, as the reports are kept; the table lists every check.
 */
public final class SealedForms {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final List<String> COLUMNS = List.of("属性", "代码", "结果", "档号/记录", "文件", "说明");
    private static final float[] WIDTHS = {1.2f, 1.6f, 0.8f, 2.2f, 2.4f, 4.8f};

    private SealedForms() {
    }

    public static SealedDocument receipt(FilingReceipt r, String fingerprint) {
        List<String> lines = List.of("回执编号：" + r.receiptId(), "立档单位：" + r.unit(), "来源标识（sourceId）：" + r.sourceId(),
                "档号：" + (r.archivalCode() == null ? "（未归档）" : r.archivalCode()),
                "四性检测结果：" + (r.result() == PropertyCheck.Result.PASS ? "通过" : "未通过"),
                "归档人：" + r.filedBy() + "　时间：" + TIME.format(r.filedAt()), "档案馆公钥指纹（SM3）：" + fingerprint);
        return new SealedDocument("电子文件归档回执", "Lantai", lines, COLUMNS, WIDTHS, rows(r.checks()))
                .asLandscape();
    }

    public static SealedDocument report(String title, List<String> lines, List<PropertyCheck> checks) {
        return new SealedDocument(title, "Lantai", lines, COLUMNS, WIDTHS, rows(checks)).asLandscape();
    }

    private static List<List<String>> rows(List<PropertyCheck> checks) {
        List<List<String>> rows = new ArrayList<>();
        for (PropertyCheck c : checks) {
            rows.add(List.of(property(c.property()), c.code(), c.failed() ? "不通过" : "通过", c.record(), c.file(),
                    c.reason()));
        }
        return rows;
    }

    private static String property(PropertyCheck.Property p) {
        return switch (p) {
            case AUTHENTICITY -> "真实性";
            case INTEGRITY -> "完整性";
            case USABILITY -> "可用性";
            case SECURITY -> "安全性";
        };
    }
}
