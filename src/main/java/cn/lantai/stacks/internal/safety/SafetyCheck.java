package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;
import java.util.List;

/** A quarterly safety check (馆藏档案安全大检查) as kept: its quarter, day, inspectors, rooms and how it came out. */
public record SafetyCheck(long id, int year, int quarter, LocalDate doneOn, String inspectors, List<String> rooms,
        int points, int findings, int openFindings, String recordedBy) {
}
