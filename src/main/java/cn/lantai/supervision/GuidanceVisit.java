package cn.lantai.supervision;

import java.time.LocalDate;

/**
 * A guidance visit (业务指导): the day, whom (a unit's code, or the free name of a family, village or community),
 * the topic, the bureau's staff who went, and a note ({@code null} when none).
 */
public record GuidanceVisit(long id, LocalDate visitedOn, GuidanceKind kind, String unitCode, String placeName,
        String topic, String staff, String note) {
}
