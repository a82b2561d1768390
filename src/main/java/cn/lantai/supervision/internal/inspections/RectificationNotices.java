package cn.lantai.supervision.internal.inspections;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.SealedDocument;
import cn.lantai.supervision.Inspection;
import cn.lantai.supervision.Rectification;
import cn.lantai.supervision.RectificationItem;
import cn.lantai.supervision.SupervisionProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The rectification notice (整改通知书) as the unit receives it: its number ({@code 区档执改〔2026〕3号}, the prefix from
 * {@code lantai.supervision.notice-prefix}), a Chinese A4 PDF under the archive's seal (PDFBox with the archive's
 * embedded CJK font, through {@link ArchiveSeal}) naming the unit, the inspection, the items and the deadline. The
 * notice is an official document in Chinese whatever the reader's language; its texts are in the bundle.
 */
@Component
public class RectificationNotices {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ArchiveSeal seal;
    private final MessageSource messages;
    private final String prefix;
    private final String bureau;

    RectificationNotices(ArchiveSeal seal, MessageSource messages,
            @Value("${lantai.supervision.notice-prefix:区档执改}") String prefix,
            @Value("${lantai.archive-name:档案馆}") String bureau) {
        this.seal = seal;
        this.messages = messages;
        this.prefix = prefix;
        this.bureau = bureau;
    }

    /** The notice number of the {@code seq}th notice of a year: {@code 区档执改〔2026〕3号}. */
    public String number(int year, int seq) {
        return prefix + "〔" + year + "〕" + seq + "号";
    }

    /**
     * The notice as a sealed PDF.
     *
     * @throws SupervisionProblem 503 {@code supervision.inspection.pdf-unavailable} when no CJK font is installed
     */
    public byte[] pdf(Inspection inspection, Rectification notice, String unitName) {
        if (!seal.pdfAvailable()) {
            throw new SupervisionProblem(503, "supervision.inspection.pdf-unavailable");
        }
        List<String> lines = new ArrayList<>();
        lines.add(notice.number());
        lines.add(text("supervision.notice.to", unitName));
        lines.add(text("supervision.notice.body", date(inspection.inspectedOn()), inspection.subject(),
                date(notice.deadline())));
        List<List<String>> rows = new ArrayList<>();
        for (RectificationItem item : notice.items()) {
            rows.add(List.of(String.valueOf(item.position()), item.text()));
        }
        List<String> closing = List.of(text("supervision.notice.team",
                String.join("、", inspection.team().stream().map(t -> t.name() + "（" + t.cardNumber() + "）").toList())),
                text("supervision.notice.signed", bureau, date(notice.issuedOn())));
        lines.addAll(closing);
        SealedDocument document = new SealedDocument(text("supervision.notice.title"), bureau, lines,
                List.of(text("supervision.notice.item-no"), text("supervision.notice.item")), new float[] {1, 9},
                rows);
        return seal.sealedPdf(document.withReason(notice.number()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : CHINESE_DATE.format(date);
    }
}
