package cn.lantai.exhibition;

import java.time.LocalDate;

/** What a curator writes about a compilation project when planning it or correcting it. */
public record CompilationPlan(String title, CompilationKind kind, String editors, String summary,
        LocalDate plannedStart, LocalDate plannedEnd) {
}
