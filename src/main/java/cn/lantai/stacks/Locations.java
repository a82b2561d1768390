package cn.lantai.stacks;

import org.springframework.stereotype.Service;

/** Skeleton of issue 13: the part that builds this service replaces this class whole. */
@Service
public class Locations {

    /** The year's figures (aggregates, no personal data); the caller decides who may read them. */
    public LocationsYear year(int year) {
        return new LocationsYear(year, 0, 0, 0, 0); // SKELETON: replaced by the real count
    }
}
