package cn.lantai.accession.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.accession.DuplicateTransfer;
import cn.lantai.accession.FourPropertiesReport;
import cn.lantai.accession.PaperTransfer;
import cn.lantai.accession.Transfer;
import cn.lantai.accession.TransferNotFound;
import cn.lantai.accession.TransferProblem;
import cn.lantai.accession.TransferReceipts;
import cn.lantai.accession.TransferState;
import cn.lantai.accession.Transfers;
import cn.lantai.catalog.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Transfers in the API: {@code POST /api/v1/transfers} (multipart {@code package}, a zipped BagIt bag) by a unit
 * archivist → 202 and the transfer (CHECKING); {@code GET /api/v1/transfers[?state=]}, {@code GET …/{id}} (state,
 * counts and the four-properties report), {@code POST …/{id}/accept}, {@code POST …/{id}/reject} ({@code {reasons}}),
 * {@code POST /api/v1/transfers/paper} (a paper-only transfer), {@code GET …/{id}/report.pdf} and
 * {@code …/receipt.pdf} (sealed). A transfer the person may not see is 404, as one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/transfers")
class TransferController {

    private final Transfers transfers;
    private final TransferReceipts receipts;
    private final MessageSource messages;
    private final long maxUpload;

    TransferController(Transfers transfers, TransferReceipts receipts, MessageSource messages,
            @Value("${lantai.accession.max-upload-size}") DataSize maxUpload) {
        this.transfers = transfers;
        this.receipts = receipts;
        this.messages = messages;
        this.maxUpload = maxUpload.toBytes();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> submit(@RequestPart("package") MultipartFile pkg, Viewer viewer)
            throws java.io.IOException {
        if (pkg.getSize() > maxUpload) {
            throw new TransferProblem(413, "accession.transfer.too-large", maxUpload);
        }
        Path upload = transfers.receive(pkg.getInputStream(), maxUpload);
        Transfer transfer = transfers.submit(upload, viewer);
        return ResponseEntity.accepted().location(URI.create("/api/v1/transfers/" + transfer.id()))
                .body(body(transfer, null));
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) TransferState state, Viewer viewer) {
        return transfers.transfers(state, viewer).stream().map(t -> body(t, null)).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> transfer(@PathVariable long id, Viewer viewer) {
        Transfer transfer = transfers.transfer(id, viewer);
        return body(transfer, transfers.report(id, viewer));
    }

    @PostMapping("/{id}/accept")
    Map<String, Object> accept(@PathVariable long id, Viewer viewer) {
        return body(transfers.accept(id, viewer), null);
    }

    record Reasons(String reasons) {
    }

    @PostMapping("/{id}/reject")
    Map<String, Object> reject(@PathVariable long id, @RequestBody Reasons body, Viewer viewer) {
        return body(transfers.reject(id, body.reasons(), viewer), null);
    }

    record PaperBody(String unit, int items, int volumes, int boxes, String shelf, LocalDate handedOverOn) {
    }

    @PostMapping("/paper")
    ResponseEntity<Map<String, Object>> paper(@RequestBody PaperBody body, Viewer viewer) {
        Transfer t = transfers.recordPaper(new PaperTransfer(body.unit(), body.items(), body.volumes(), body.boxes(),
                body.shelf(), body.handedOverOn()), viewer);
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + t.id())).body(body(t, null));
    }

    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id, Viewer viewer) {
        return pdf(receipts.reportPdf(id, viewer), "transfer-" + id + "-report.pdf");
    }

    @GetMapping("/{id}/receipt.pdf")
    ResponseEntity<byte[]> receiptPdf(@PathVariable long id, Viewer viewer) {
        return pdf(receipts.receiptPdf(id, viewer), "transfer-" + id + "-receipt.pdf");
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(pdf);
    }

    @ExceptionHandler(TransferNotFound.class)
    ProblemDetail notFound(TransferNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.not-found", null, locale));
    }

    @ExceptionHandler(TransferProblem.class)
    ProblemDetail problem(TransferProblem e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
                messages.getMessage(e.code(), e.args(), locale));
        if (e instanceof DuplicateTransfer d) {
            p.setProperty("earlier", d.earlier());
            p.setProperty("earlierTransfer", "/api/v1/transfers/" + d.earlier());
        }
        return p;
    }

    /** The transfer as the API answers it; with the report when given. */
    static Map<String, Object> body(Transfer t, FourPropertiesReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", t.id());
        body.put("unit", t.unit());
        body.put("fonds", t.fonds());
        body.put("kind", t.kind());
        body.put("state", t.state());
        body.put("submittedBy", t.submittedBy());
        body.put("submittedAt", t.submittedAt());
        body.put("packageSha256", t.packageSha256());
        body.put("manifestSm3", t.manifestSm3());
        body.put("counts", t.counts());
        body.put("paper", t.paper());
        body.put("problem", t.problem());
        body.put("decision", t.decision());
        body.put("reasons", t.reasons());
        body.put("decidedBy", t.decidedBy());
        body.put("decidedAt", t.decidedAt());
        body.put("storedRecords", t.storedRecords());
        if (report != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("passed", report.passed());
            r.put("counts", report.counts());
            r.put("checks", report.checks());
            body.put("report", r);
        }
        if (t.receiptReady()) {
            body.put("receipt", "/api/v1/transfers/" + t.id() + "/receipt.pdf");
        }
        return body;
    }
}
