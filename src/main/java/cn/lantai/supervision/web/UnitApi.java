package cn.lantai.supervision.web;

import java.util.List;

import cn.lantai.supervision.Grade;
import cn.lantai.supervision.GradeChange;
import cn.lantai.supervision.HistoryEntry;
import cn.lantai.supervision.SupervisedUnit;
import cn.lantai.supervision.UnitHistory;
import cn.lantai.supervision.UnitSupervision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The units as supervision sees them, read-only ({@code INSPECT}): {@code GET /api/v1/supervision/units} (optionally
 * {@code ?grade=PROVINCIAL_THIRD&q=…}) and {@code GET /api/v1/supervision/units/{code}} with the unit's grades and
 * history. An unknown unit answers 404, an unknown grade 422, as problem JSON.
 */
@RestController
@RequestMapping("/api/v1/supervision/units")
class UnitApi {

    private final UnitSupervision units;
    private final UnitHistory history;

    UnitApi(UnitSupervision units, UnitHistory history) {
        this.units = units;
        this.history = history;
    }

    /** One unit with its grades (newest first) and its history (newest first). */
    record UnitView(SupervisedUnit unit, List<GradeChange> grades, List<HistoryEntry> history) {
    }

    @GetMapping
    List<SupervisedUnit> units(@RequestParam(required = false) String grade,
            @RequestParam(required = false) String q) {
        return units.units(grade == null || grade.isBlank() ? null : Grade.of(grade), q);
    }

    @GetMapping("/{code}")
    UnitView unit(@PathVariable String code) {
        SupervisedUnit unit = units.unit(code);
        return new UnitView(unit, units.grades(unit.unit().code()), history.of(unit.unit().code()));
    }
}
