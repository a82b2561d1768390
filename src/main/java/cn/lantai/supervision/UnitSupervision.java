package cn.lantai.supervision;

import org.springframework.stereotype.Service;

/** Skeleton of issue 13: the part that builds this service replaces this class whole. */
@Service
public class UnitSupervision {

    /** The year's figures (aggregates, no personal data); the caller decides who may read them. */
    public OutreachYear year(int year) {
        return new OutreachYear(year, 0, 0, 0, 0, java.util.Map.of()); // SKELETON: replaced by the real count
    }
}
