package cn.lantai.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.lantai.accession.TransferOutline;
import cn.lantai.accession.Transfers;
import cn.lantai.supervision.internal.Inputs;
import cn.lantai.supervision.internal.outreach.OutreachRows;
import cn.lantai.supervision.internal.units.Grades;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A unit's whole history with the bureau in one timeline, newest first: its law-enforcement inspections, the guidance
 * visits it had, the training sessions its people attended, the grades its archive room reached, and the transfers
 * the archive received from it (in outline: dates, state and counts).
 */
@Service
public class UnitHistory {

    private final UnitSupervision units;
    private final Inspections inspections;
    private final Transfers transfers;
    private final OutreachRows outreach;
    private final Grades grades;
    private final Inputs inputs;

    UnitHistory(UnitSupervision units, Inspections inspections, Transfers transfers, OutreachRows outreach,
            Grades grades, Inputs inputs) {
        this.units = units;
        this.inspections = inspections;
        this.transfers = transfers;
        this.outreach = outreach;
        this.grades = grades;
        this.inputs = inputs;
    }

    /**
     * The unit's timeline, newest first (an inspection not yet on site by its planned day).
     *
     * @throws SupervisionProblem 404 {@code supervision.unit.unknown}
     */
    @PreAuthorize("hasAuthority('INSPECT')")
    public List<HistoryEntry> of(String unitCode) {
        String code = units.unit(unitCode).unit().code();
        List<HistoryEntry> entries = new ArrayList<>();
        for (InspectionSummary i : inspections.ofUnit(code)) {
            entries.add(new HistoryEntry(i.inspected() != null ? i.inspected() : i.planned(),
                    HistoryEntry.Kind.INSPECTION, i.state(), i.id()));
        }
        outreach.guidanceOf(code).forEach(g -> entries.add(
                new HistoryEntry(g.visitedOn(), HistoryEntry.Kind.GUIDANCE, g.topic(), g.id())));
        outreach.trainingsOf(code).forEach(t -> entries.add(
                new HistoryEntry(t.heldOn(), HistoryEntry.Kind.TRAINING, t.title(), t.id())));
        grades.history(code).forEach(g -> entries.add(
                new HistoryEntry(g.reachedOn(), HistoryEntry.Kind.GRADE, g.grade().name(), 0)));
        for (TransferOutline t : transfers.receivedFrom(code)) {
            entries.add(new HistoryEntry(t.handedOverOn() != null ? t.handedOverOn() : inputs.dayOf(t.submittedAt()),
                    HistoryEntry.Kind.TRANSFER, t.state().name(), t.id()));
        }
        entries.sort(Comparator.comparing(HistoryEntry::on, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries;
    }
}
