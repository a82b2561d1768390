package cn.lantai.supervision;

import java.util.List;

import org.springframework.stereotype.Service;

/** Skeleton of issue 13: the part that builds this service replaces this class whole. */
@Service
public class Inspections {

    /** The year's figures (aggregates, no personal data); the caller decides who may read them. */
    public InspectionYear year(int year) {
        return new InspectionYear(year, 0, 0, 0, 0, 0, 0, 0); // SKELETON: replaced by the real count
    }

    /** The unit's inspections, newest first (the unit's page shows them). */
    public List<InspectionSummary> ofUnit(String unitCode) {
        return List.of(); // SKELETON: replaced by the real list
    }
}
