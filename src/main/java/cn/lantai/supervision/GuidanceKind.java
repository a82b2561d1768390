package cn.lantai.supervision;

/** Whom a guidance visit (业务指导) went to: a unit, or a family (家庭建档), village or community (村/社区建档). */
public enum GuidanceKind {
    UNIT, FAMILY, VILLAGE, COMMUNITY
}
