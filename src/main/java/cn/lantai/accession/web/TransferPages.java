package cn.lantai.accession.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.lantai.accession.ExpectedTransfer;
import cn.lantai.accession.ExpectedTransfers;
import cn.lantai.accession.FourPropertiesReport;
import cn.lantai.accession.PaperTransfer;
import cn.lantai.accession.PropertyCheck;
import cn.lantai.accession.Transfer;
import cn.lantai.accession.TransferNotFound;
import cn.lantai.accession.TransferProblem;
import cn.lantai.accession.TransferReceipts;
import cn.lantai.accession.TransferState;
import cn.lantai.accession.Transfers;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.identity.UnitProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench's transfer pages, over the same services as the API: {@code /transfers} is 我的移交 for a unit
 * archivist (upload, their unit's transfers) and 接收 for the receiving staff (every transfer by state, the paper
 * transfer form); {@code /transfers/{id}} shows the state (polled while checking or storing), the counts, the report
 * with its FAILs first and marked, accept and reject, the receipt and the report as sealed PDFs; {@code /units/{code}}
 * is a unit's page (contact, archivists, expected and received transfers).
 */
@Controller
class TransferPages {

    private final Transfers transfers;
    private final TransferReceipts receipts;
    private final ExpectedTransfers expected;
    private final UnitDirectory units;
    private final MessageSource messages;
    private final long maxUpload;

    TransferPages(Transfers transfers, TransferReceipts receipts, ExpectedTransfers expected, UnitDirectory units,
            MessageSource messages, @Value("${lantai.accession.max-upload-size}") DataSize maxUpload) {
        this.transfers = transfers;
        this.receipts = receipts;
        this.expected = expected;
        this.units = units;
        this.messages = messages;
        this.maxUpload = maxUpload.toBytes();
    }

    @GetMapping("/transfers")
    String list(@RequestParam(required = false) TransferState state, Viewer viewer, Model model) {
        boolean receives = transfers.receives(viewer);
        if (!receives && !transfers.prepares(viewer)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("receives", receives);
        model.addAttribute("prepares", transfers.prepares(viewer));
        model.addAttribute("state", state);
        model.addAttribute("states", TransferState.values());
        model.addAttribute("transfers", transfers.transfers(state, viewer));
        model.addAttribute("units", receives ? units.formingUnits() : List.of());
        model.addAttribute("today", LocalDate.now());
        return "transfers";
    }

    @PostMapping("/transfers")
    String submit(@RequestParam("package") MultipartFile pkg, Viewer viewer, RedirectAttributes redirect)
            throws IOException {
        if (pkg.isEmpty() || pkg.getSize() > maxUpload) {
            redirect.addFlashAttribute("problem", message(pkg.isEmpty()
                    ? new TransferProblem(400, "accession.transfer.not-zip")
                    : new TransferProblem(413, "accession.transfer.too-large", maxUpload)));
            return "redirect:/transfers";
        }
        try {
            Transfer t = transfers.submit(transfers.receive(pkg.getInputStream(), maxUpload), viewer);
            return "redirect:/transfers/" + t.id();
        } catch (TransferProblem e) {
            redirect.addFlashAttribute("problem", message(e));
            return "redirect:/transfers";
        }
    }

    @PostMapping("/transfers/paper")
    String paper(@RequestParam String unit, @RequestParam int items, @RequestParam int volumes,
            @RequestParam int boxes, @RequestParam(required = false) String shelf,
            @RequestParam LocalDate handedOverOn, Viewer viewer, RedirectAttributes redirect) {
        try {
            Transfer t = transfers.recordPaper(new PaperTransfer(unit, items, volumes, boxes, shelf, handedOverOn),
                    viewer);
            return "redirect:/transfers/" + t.id();
        } catch (TransferProblem e) {
            redirect.addFlashAttribute("problem", message(e));
            return "redirect:/transfers";
        }
    }

    @GetMapping("/transfers/{id}")
    String transfer(@PathVariable long id, Viewer viewer, Model model) {
        return show(id, viewer, model, "transfer");
    }

    @GetMapping("/transfers/{id}/state")
    String state(@PathVariable long id, Viewer viewer, Model model) {
        return show(id, viewer, model, "transfer :: state");
    }

    @PostMapping("/transfers/{id}/accept")
    String accept(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        try {
            found(() -> transfers.accept(id, viewer));
        } catch (TransferProblem e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/transfers/" + id;
    }

    @PostMapping("/transfers/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reasons, Viewer viewer,
            RedirectAttributes redirect) {
        try {
            found(() -> transfers.reject(id, reasons, viewer));
        } catch (TransferProblem e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/transfers/" + id;
    }

    @GetMapping("/transfers/{id}/receipt.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable long id, Viewer viewer) {
        return TransferController.pdf(found(() -> receipts.receiptPdf(id, viewer)), "transfer-" + id + "-receipt.pdf");
    }

    @GetMapping("/transfers/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable long id, Viewer viewer) {
        return TransferController.pdf(found(() -> receipts.reportPdf(id, viewer)), "transfer-" + id + "-report.pdf");
    }

    @GetMapping("/units/{code}")
    String unit(@PathVariable String code, Viewer viewer, Model model) {
        UnitProfile unit = units.unit(code).filter(u -> transfers.receives(viewer) || transfers.isOfUnit(code, viewer))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Transfer> received = transfers.transfersOf(code, viewer);
        model.addAttribute("unit", unit);
        model.addAttribute("receives", transfers.receives(viewer));
        model.addAttribute("archivists", transfers.receives(viewer) ? units.archivistsOf(code) : List.of());
        model.addAttribute("expected", expected.of(code, viewer));
        model.addAttribute("received", received);
        model.addAttribute("receivedItems", received.stream().filter(t -> t.decision() == Transfer.Decision.ACCEPTED)
                .mapToInt(t -> t.kind() == Transfer.Kind.PAPER ? t.counts().items() : t.storedRecords()).sum());
        return "unit-transfers";
    }

    @PostMapping("/units/{code}/expected")
    String expect(@PathVariable String code, @RequestParam int year, @RequestParam int items,
            @RequestParam int volumes, @RequestParam(required = false) LocalDate dueOn,
            @RequestParam(required = false) String note, Viewer viewer, RedirectAttributes redirect) {
        try {
            expected.expect(new ExpectedTransfer(code, year, items, volumes, dueOn, note), viewer);
        } catch (TransferProblem e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/units/" + code;
    }

    /** Another unit's transfer and a missing one are the same error page, 404, as in the API. */
    private static <T> T found(Supplier<T> read) {
        try {
            return read.get();
        } catch (TransferNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String show(long id, Viewer viewer, Model model, String view) {
        Transfer t = found(() -> transfers.transfer(id, viewer));
        FourPropertiesReport report = transfers.report(id, viewer);
        List<PropertyCheck> ordered = new ArrayList<>(report.failures());
        report.checks().stream().filter(c -> !c.failed()).forEach(ordered::add);
        model.addAttribute("transfer", t);
        model.addAttribute("report", report);
        model.addAttribute("checks", ordered);
        model.addAttribute("receives", transfers.receives(viewer));
        model.addAttribute("busy", t.state() == TransferState.CHECKING || t.state() == TransferState.STORING);
        model.addAttribute("unit", units.unit(t.unit()).orElse(null));
        return view;
    }

    private String message(TransferProblem e) {
        return messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale());
    }
}
