package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;
import java.util.List;

/** A quarterly safety check as recorded: its quarter, the day it was done, who checked, the rooms and the answers. */
public record NewCheck(int year, int quarter, LocalDate doneOn, String inspectors, List<String> rooms,
        List<Answer> answers) {
}
