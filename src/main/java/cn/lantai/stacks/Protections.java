package cn.lantai.stacks;

import org.springframework.stereotype.Service;

/** Skeleton of issue 13: the part that builds this service replaces this class whole. */
@Service
public class Protections {

    /** The year's figures (aggregates, no personal data); the caller decides who may read them. */
    public ProtectionYear year(int year) {
        return new ProtectionYear(year, 0, 0, 0, 0, 0); // SKELETON: replaced by the real count
    }
}
