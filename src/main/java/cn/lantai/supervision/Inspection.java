package cn.lantai.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A law-enforcement inspection (执法检查) of a unit, whole: its subject and basis, state, the planned, notice, on-site
 * and publication dates, the team, the findings, the rectification notices by round, the published result and every
 * step recorded (date, who, when).
 */
public record Inspection(long id, String unitCode, String subject, InspectionState state, LocalDate planned,
        LocalDate noticeOn, LocalDate inspectedOn, LocalDate publishedOn, String result, List<Inspector> team,
        List<String> findings, List<Rectification> rectifications, List<InspectionStep> steps) {

    public Inspection {
        team = List.copyOf(team);
        findings = List.copyOf(findings);
        rectifications = List.copyOf(rectifications);
        steps = List.copyOf(steps);
    }

    /** The latest rectification notice, if any. */
    public Optional<Rectification> currentRectification() {
        return rectifications.isEmpty() ? Optional.empty()
                : Optional.of(rectifications.get(rectifications.size() - 1));
    }

    /** The items the last follow-up review found not fixed (the next notice's items). */
    public List<String> unfixedItems() {
        return currentRectification().map(r -> r.items().stream()
                .filter(i -> i.outcome() == ItemOutcome.NOT_FIXED).map(RectificationItem::text).toList())
                .orElse(List.of());
    }
}
