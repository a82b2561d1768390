package cn.lantai.accession;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.audit.SealedDocument;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.identity.UnitProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the archive issues about a transfer under its seal ({@link ArchiveSeal}, SM2): the receipt (交接文据) for both
 * sides, once a decision is taken and an accept's records are stored, and the four-properties report as a PDF. Each
 * issue is recorded in the audit trail; whoever may see the transfer may have them (the unit and the receiving staff).
 */
@Service
public class TransferReceipts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Transfers transfers;
    private final ArchiveSeal seal;
    private final UnitDirectory units;
    private final AuditTrail trail;
    private final String archiveName;

    TransferReceipts(Transfers transfers, ArchiveSeal seal, UnitDirectory units, AuditTrail trail,
            @Value("${lantai.archive-name:档案馆}") String archiveName) {
        this.transfers = transfers;
        this.seal = seal;
        this.units = units;
        this.trail = trail;
        this.archiveName = archiveName;
    }

    /**
     * The sealed receipt: unit, fonds, counts of 件/卷 and files, bytes, the manifest's SM3, who handed over and who
     * received, when, the decision (and the records left out, or the reasons of a rejection).
     *
     * @throws TransferProblem 409 while no decision is taken or records are still being stored
     */
    public byte[] receiptPdf(long id, Viewer viewer) {
        Transfer t = transfers.transfer(id, viewer);
        if (!t.receiptReady()) {
            throw new TransferProblem(409, "accession.transfer.no-receipt-yet", id);
        }
        String unit = units.unit(t.unit()).map(UnitProfile::name).map(n -> n + "（" + t.unit() + "）").orElse(t.unit());
        List<String> lines = new ArrayList<>();
        lines.add("交接文据编号：" + t.id());
        lines.add("移交单位：" + unit + "　全宗号：" + t.fonds());
        lines.add("移交方式：" + (t.kind() == Transfer.Kind.PAPER ? "纸质档案" : "电子档案（移交包）"));
        lines.add("件数：" + t.counts().items() + "　卷数：" + t.counts().volumes());
        if (t.kind() == Transfer.Kind.PAPER) {
            lines.add("盒数：" + t.paper().boxes() + "　存放位置（库房-列-节-层）：" + nullToDash(t.paper().shelf()));
            lines.add("交接日期：" + t.paper().handedOverOn());
        } else {
            lines.add("文件数：" + t.counts().files() + "　字节数：" + t.counts().bytes());
            lines.add("移交包 SHA-256：" + nullToDash(t.packageSha256()));
            lines.add("清单摘要 SM3：" + nullToDash(t.manifestSm3()));
            lines.add("移交人：" + t.submittedBy() + "　提交时间：" + WHEN.format(t.submittedAt()));
        }
        lines.add("接收人：" + nullToDash(t.decidedBy()) + "　时间：" + (t.decidedAt() == null ? "—"
                : WHEN.format(t.decidedAt())));
        if (t.decision() == Transfer.Decision.REJECTED) {
            lines.add("处理结果：退回。理由：" + t.reasons());
        } else {
            lines.add("处理结果：接收" + (t.kind() == Transfer.Kind.ELECTRONIC ? "，已入库 " + t.storedRecords() + " 件"
                    : ""));
            List<String> leftOut = t.kind() == Transfer.Kind.ELECTRONIC ? transfers.leftOut(id, viewer) : List.of();
            if (!leftOut.isEmpty()) {
                lines.add("未接收（四性检测未通过或著录被拒）" + leftOut.size() + " 件：" + String.join("、", leftOut));
            }
        }
        lines.add("公钥指纹（SM3）：" + seal.fingerprint());
        byte[] pdf = seal.sealedPdf(SealedDocument.text("档案交接文据", archiveName, lines));
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.transfer.receipt", "transfer:" + id,
                null, null));
        return pdf;
    }

    /** The four-properties report of an electronic transfer as a sealed PDF (one row per check, FAILs first). */
    public byte[] reportPdf(long id, Viewer viewer) {
        Transfer t = transfers.transfer(id, viewer);
        FourPropertiesReport report = transfers.report(id, viewer);
        List<List<String>> rows = new ArrayList<>();
        report.failures().forEach(c -> rows.add(row(c)));
        report.checks().stream().filter(c -> !c.failed()).forEach(c -> rows.add(row(c)));
        List<String> lines = List.of("移交编号：" + t.id() + "　全宗号：" + t.fonds(),
                "检测项 " + report.checks().size() + "，未通过 " + report.failures().size());
        byte[] pdf = seal.sealedPdf(new SealedDocument("四性检测报告", archiveName, lines,
                List.of("性", "代码", "结果", "档号", "文件", "说明"), new float[] {1, 2, 1, 3, 4, 6}, rows)
                .asLandscape());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.transfer.report", "transfer:" + id,
                null, null));
        return pdf;
    }

    private static List<String> row(PropertyCheck c) {
        String property = switch (c.property()) {
            case AUTHENTICITY -> "真实性";
            case INTEGRITY -> "完整性";
            case USABILITY -> "可用性";
            case SECURITY -> "安全性";
        };
        return List.of(property, c.code(), c.failed() ? "不通过" : "通过", c.record(), c.file(), c.reason());
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
