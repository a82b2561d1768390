package cn.lantai.supervision.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Viewer;
import cn.lantai.supervision.Inspection;
import cn.lantai.supervision.InspectionSummary;
import cn.lantai.supervision.Inspections;
import cn.lantai.supervision.Inspector;
import cn.lantai.supervision.ItemFix;
import cn.lantai.supervision.ItemOutcome;
import cn.lantai.supervision.OverdueRectification;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspections in the API, for the inspectors' tools: {@code GET /api/v1/supervision/inspections} (all, newest
 * first), {@code …/overdue}, {@code …/{id}} (whole), {@code …/{id}/notices/{round}.pdf}; {@code POST} one to plan it
 * (201) and {@code POST …/{id}/notice|team|inspection|rectification|fixes|acceptance|result|review} for its steps,
 * each answering the inspection as it now is. Refusals are problem+json with the bundle key as {@code code}.
 */
@RestController
class InspectionController {

    private static final String BASE = "/api/v1/supervision/inspections";

    private final Inspections inspections;

    InspectionController(Inspections inspections) {
        this.inspections = inspections;
    }

    record Plan(String unit, LocalDate planned, String subject) {
    }

    record Dated(LocalDate on) {
    }

    record Team(LocalDate on, List<Inspector> inspectors) {
    }

    record Findings(LocalDate on, List<String> findings) {
    }

    record Notice(LocalDate on, LocalDate deadline, List<String> items) {
    }

    record Fixes(LocalDate on, List<ItemFix> fixes, String evidence) {
    }

    record Result(LocalDate on, String text) {
    }

    record Review(LocalDate on, List<ItemOutcome> outcomes) {
    }

    @GetMapping(BASE)
    List<InspectionSummary> all() {
        return inspections.all();
    }

    @GetMapping(BASE + "/overdue")
    List<OverdueRectification> overdue() {
        return inspections.overdue();
    }

    @GetMapping(BASE + "/{id}")
    Inspection inspection(@PathVariable long id) {
        return inspections.inspection(id);
    }

    @GetMapping(BASE + "/{id}/notices/{round}.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id, @PathVariable int round) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(inspections.noticePdf(id, round));
    }

    @PostMapping(BASE)
    ResponseEntity<Inspection> plan(@RequestBody Plan plan, Viewer viewer) {
        long id = inspections.plan(plan.unit(), plan.planned(), plan.subject(), viewer);
        return ResponseEntity.created(URI.create(BASE + "/" + id)).body(inspections.inspection(id));
    }

    @PostMapping(BASE + "/{id}/notice")
    Inspection notice(@PathVariable long id, @RequestBody Dated body, Viewer viewer) {
        inspections.recordNotice(id, body.on(), viewer);
        return inspections.inspection(id);
    }

    @PostMapping(BASE + "/{id}/team")
    Inspection team(@PathVariable long id, @RequestBody Team body, Viewer viewer) {
        inspections.setTeam(id, body.on(), body.inspectors(), viewer);
        return inspections.inspection(id);
    }

    @PostMapping(BASE + "/{id}/inspection")
    Inspection inspect(@PathVariable long id, @RequestBody Findings body, Viewer viewer) {
        inspections.inspect(id, body.on(), body.findings(), viewer);
        return inspections.inspection(id);
    }

    @PostMapping(BASE + "/{id}/rectification")
    Map<String, Object> rectify(@PathVariable long id, @RequestBody Notice body, Viewer viewer) {
        String number = inspections.rectify(id, body.on(), body.deadline(), body.items(), viewer);
        return Map.of("number", number, "inspection", inspections.inspection(id));
    }

    @PostMapping(BASE + "/{id}/fixes")
    Inspection fixes(@PathVariable long id, @RequestBody Fixes body, Viewer viewer) {
        inspections.reportFixes(id, body.on(), body.fixes(), body.evidence(), viewer);
        return inspections.inspection(id);
    }

    @PostMapping(BASE + "/{id}/acceptance")
    Inspection accept(@PathVariable long id, @RequestBody Dated body, Viewer viewer) {
        inspections.acceptFixes(id, body.on(), viewer);
        return inspections.inspection(id);
    }

    @PostMapping(BASE + "/{id}/result")
    Inspection publish(@PathVariable long id, @RequestBody Result body, Viewer viewer) {
        inspections.publish(id, body.on(), body.text(), viewer);
        return inspections.inspection(id);
    }

    @PostMapping(BASE + "/{id}/review")
    Inspection review(@PathVariable long id, @RequestBody Review body, Viewer viewer) {
        inspections.review(id, body.on(), body.outcomes(), viewer);
        return inspections.inspection(id);
    }
}
