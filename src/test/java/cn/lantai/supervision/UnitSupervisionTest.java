package cn.lantai.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The bureau's view of the units' archive work, grades and targets, and its guidance, training and publicity: what is
 * kept, what is refused (and then nothing is kept), and the yearly figures recomputed from the rows a test made.
 */
@LantaiTest
class UnitSupervisionTest {

    static final String INSPECTOR = "inspector-xyz";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    UnitSupervision units;
    @Autowired
    Outreach outreach;
    @Autowired
    UnitHistory history;
    @Autowired
    Staff staff;

    final Viewer viewer = new Viewer(INSPECTOR, "127.0.0.1", Classification.NONE, false, null, null);
    LocalDate today;

    @BeforeEach
    void inspector() {
        staff.ensure(INSPECTOR, "检查员", null, Classification.NONE, List.of("INSPECTION"));
        today = LocalDate.now(ZONE);
    }

    @Test
    void aUnitsArchiveWorkGradesAndTargetsAreKeptAndShownInItsHistory() {
        String unit = "U" + staff.unitWithFonds("监督单位");
        UnitWork work = as(() -> units.saveWork(unit, new UnitWork(" 王分管 ", List.of(new UnitArchivist("张档案",
                "0571-8888 8888"), new UnitArchivist("李档案", null)), new BigDecimal("60.5"), "三楼东侧",
                "密集架 8 组，除湿机", 120, 3400), viewer));
        assertThat(work.personInCharge()).isEqualTo("王分管");
        SupervisedUnit shown = as(() -> units.unit(unit));
        assertThat(shown.work()).isEqualTo(work);
        assertThat(shown.grade()).isEqualTo(Grade.UNGRADED);

        as(() -> units.recordGrade(unit, Grade.PROVINCIAL_THIRD, today.minusYears(1), viewer));
        as(() -> units.recordGrade(unit, Grade.PROVINCIAL_SECOND, today, viewer));
        assertThat(as(() -> units.unit(unit)).grade()).isEqualTo(Grade.PROVINCIAL_SECOND);
        assertThat(as(() -> units.units(Grade.PROVINCIAL_SECOND, "监督单位"))).extracting(u -> u.unit().code())
                .contains(unit);
        assertThat(as(() -> units.units(Grade.PROVINCIAL_FIRST, unit))).isEmpty();

        String other = "U" + staff.unitWithFonds("目标单位");
        as(() -> {
            units.setTarget(unit, today.getYear(), Grade.PROVINCIAL_THIRD, viewer);
            units.setTarget(other, today.getYear(), Grade.PROVINCIAL_THIRD, viewer);
            return null;
        });
        assertThat(as(() -> units.targets(today.getYear())))
                .filteredOn(t -> t.unitCode().equals(unit) || t.unitCode().equals(other))
                .extracting(GradingTarget::unitCode, GradingTarget::reached, GradingTarget::met)
                .containsExactlyInAnyOrder(tuple(unit, Grade.PROVINCIAL_SECOND, true),
                        tuple(other, Grade.UNGRADED, false));

        as(() -> outreach.addGuidance(new GuidanceVisit(0, today, GuidanceKind.UNIT, unit, null, "归档范围指导",
                "赵指导", null), viewer));
        as(() -> outreach.addTraining(new Training(0, today, "文书档案整理培训", new BigDecimal("3.5"), "钱老师",
                List.of(new Attendee("张档案", unit), new Attendee("外单位人", null))), viewer));
        assertThat(as(() -> history.of(unit))).extracting(HistoryEntry::kind).contains(
                HistoryEntry.Kind.GUIDANCE, HistoryEntry.Kind.TRAINING, HistoryEntry.Kind.GRADE);
        assertThat(as(() -> units.unit(unit)).lastGuidance()).isEqualTo(today);
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNothingIsKept() {
        String unit = "U" + staff.unitWithFonds("拒绝单位");
        refused(() -> units.saveWork("U-NOPE", UnitWork.NONE, viewer), 404, "supervision.unit.unknown");
        refused(() -> units.recordGrade("U-NOPE", Grade.PROVINCIAL_THIRD, today, viewer), 404,
                "supervision.unit.unknown");
        refused(() -> outreach.addGuidance(new GuidanceVisit(0, today, GuidanceKind.UNIT, "U-NOPE", null, "t", "s",
                null), viewer), 404, "supervision.unit.unknown");
        refused(() -> units.saveWork(unit, new UnitWork(null, List.of(new UnitArchivist(" ", null)), null, null, null,
                0, 0), viewer), 422, "supervision.unit.bad-archivist");
        refused(() -> units.saveWork(unit, new UnitWork("王\u0000", List.of(), null, null, null, 0, 0), viewer), 422,
                "supervision.unit.bad-person");
        refused(() -> units.saveWork(unit, new UnitWork(null, List.of(), new BigDecimal("-1"), null, null, 0, 0),
                viewer), 422, "supervision.unit.bad-area");
        refused(() -> units.saveWork(unit, new UnitWork(null, List.of(), null, null, null, -5, 0), viewer), 422,
                "supervision.unit.bad-holdings");
        refused(() -> units.saveWork(unit, new UnitWork(null, Collections.nCopies(21, new UnitArchivist("某", null)),
                null, null, null, 0, 0), viewer), 422, "supervision.unit.too-many-archivists");
        assertThat(as(() -> units.unit(unit)).work()).isEqualTo(UnitWork.NONE);

        refused(() -> Grade.of("PROVINCIAL_FOURTH"), 422, "supervision.grade.unknown");
        refused(() -> units.recordGrade(unit, null, today, viewer), 422, "supervision.grade.unknown");
        refused(() -> units.recordGrade(unit, Grade.PROVINCIAL_THIRD, today.plusDays(1), viewer), 422,
                "supervision.grade.bad-day");
        refused(() -> units.recordGrade(unit, Grade.PROVINCIAL_THIRD, LocalDate.of(1900, 1, 1), viewer), 422,
                "supervision.grade.bad-day");
        assertThat(as(() -> units.grades(unit))).isEmpty();

        refused(() -> units.setTarget(unit, today.getYear() - 1, Grade.PROVINCIAL_THIRD, viewer), 422,
                "supervision.targets.bad-year");
        refused(() -> units.setTarget(unit, today.getYear() + 50, Grade.PROVINCIAL_THIRD, viewer), 422,
                "supervision.targets.bad-year");
        refused(() -> units.setTarget(unit, today.getYear(), Grade.UNGRADED, viewer), 422,
                "supervision.targets.bad-grade");

        refused(() -> outreach.addGuidance(new GuidanceVisit(0, LocalDate.of(9999, 1, 1), GuidanceKind.FAMILY, null,
                "王家", "家庭建档", "赵", null), viewer), 422, "supervision.outreach.bad-day");
        refused(() -> outreach.addGuidance(new GuidanceVisit(0, today, GuidanceKind.VILLAGE, null, " ", "村建档", "赵",
                null), viewer), 422, "supervision.guidance.bad-place");
        refused(() -> outreach.addGuidance(new GuidanceVisit(0, today, GuidanceKind.UNIT, unit, null, "  ", "赵",
                null), viewer), 422, "supervision.guidance.bad-topic");
        refused(() -> training("  ", "2", List.of()), 422, "supervision.training.bad-title");
        refused(() -> training("培训", "-2", List.of()), 422, "supervision.training.bad-hours");
        refused(() -> training("培训", "0", List.of()), 422, "supervision.training.bad-hours");
        refused(() -> training("培训", "2", Collections.nCopies(501, new Attendee("某", null))), 422,
                "supervision.training.too-many-attendees");
        refused(() -> Outreach.attendees("某\n".repeat(501)), 422, "supervision.training.too-many-attendees");
        refused(() -> training("拒绝培训", "2", List.of(new Attendee("好人", unit), new Attendee("坏\u0007人", null))),
                422, "supervision.training.bad-attendee");
        refused(() -> training("拒绝培训", "2", List.of(new Attendee("某", "没有这个单位"))), 422,
                "supervision.training.unknown-attendee-unit");
        assertThat(as(() -> outreach.trainings(today.getYear()))).extracting(Training::title)
                .doesNotContain("拒绝培训");
        refused(() -> outreach.addPublicity(new PublicityEvent(0, today, PublicityKind.OTHER, "活动", null, -1, null),
                viewer), 422, "supervision.publicity.bad-participants");
        refused(() -> outreach.addPublicity(new PublicityEvent(0, today, null, "活动", null, 1, null), viewer), 422,
                "supervision.publicity.bad-kind");
        refused(() -> outreach.addPublicity(new PublicityEvent(0, today, PublicityKind.OTHER, "", null, 1, null),
                viewer), 422, "supervision.publicity.bad-title");
        refused(() -> outreach.guidance(1066), 422, "supervision.outreach.bad-year");

        staff.ensure("clerk-units", "阅览员", null, Classification.NONE, List.of("READING_ROOM"));
        assertThatThrownBy(() -> staff.as("clerk-units", () -> units.saveWork(unit, UnitWork.NONE, viewer)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.as("clerk-units", () -> outreach.guidance(today.getYear())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aYearsFiguresAreRecomputedFromTheRowsOfThatYearOnly() {
        int year = ThreadLocalRandom.current().nextInt(1985, 2015);
        OutreachYear before = units.year(year);
        OutreachYear beforePrevious = units.year(year - 1);
        String raised = "U" + staff.unitWithFonds("升级单位");
        String lateGraded = "U" + staff.unitWithFonds("次年定级单位");
        String withdrawn = "U" + staff.unitWithFonds("撤级单位");
        staff.unitWithFonds("从未定级单位");
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        LocalDate dec31 = LocalDate.of(year, 12, 31);
        as(() -> {
            units.recordGrade(raised, Grade.PROVINCIAL_THIRD, LocalDate.of(year - 1, 5, 1), viewer);
            units.recordGrade(raised, Grade.PROVINCIAL_SECOND, LocalDate.of(year, 6, 15), viewer);
            units.recordGrade(raised, Grade.PROVINCIAL_FIRST, LocalDate.of(year + 1, 3, 1), viewer);
            units.recordGrade(lateGraded, Grade.PROVINCIAL_THIRD, LocalDate.of(year + 1, 1, 1), viewer);
            units.recordGrade(withdrawn, Grade.PROVINCIAL_THIRD, LocalDate.of(year, 2, 1), viewer);
            units.recordGrade(withdrawn, Grade.UNGRADED, dec31, viewer);
            for (LocalDate day : List.of(jan1, dec31, LocalDate.of(year - 1, 12, 31), LocalDate.of(year + 1, 1, 1))) {
                outreach.addGuidance(new GuidanceVisit(0, day, GuidanceKind.COMMUNITY, null, "某社区", "社区建档",
                        "赵", null), viewer);
            }
            outreach.addGuidance(new GuidanceVisit(0, LocalDate.of(year, 7, 1), GuidanceKind.UNIT, raised, null,
                    "创建指导", "赵", null), viewer);
            training(jan1, List.of(new Attendee("甲", raised), new Attendee("乙", null), new Attendee("丙", null)));
            training(dec31, List.of(new Attendee("丁", raised), new Attendee("戊", withdrawn)));
            training(LocalDate.of(year + 1, 1, 1), List.of(new Attendee("己", null)));
            training(LocalDate.of(year - 1, 12, 31), List.of(new Attendee("庚", null), new Attendee("辛", null)));
            for (LocalDate day : List.of(LocalDate.of(year, 6, 9), LocalDate.of(year, 12, 4),
                    LocalDate.of(year + 1, 6, 9))) {
                outreach.addPublicity(new PublicityEvent(0, day, day.getMonthValue() == 6
                        ? PublicityKind.INTERNATIONAL_ARCHIVES_DAY : PublicityKind.CONSTITUTION_DAY, "档案宣传", "广场",
                        300, null), viewer);
            }
            return null;
        });

        OutreachYear after = units.year(year);
        assertThat(after.guidanceVisits() - before.guidanceVisits()).isEqualTo(3);
        assertThat(after.trainings() - before.trainings()).isEqualTo(2);
        assertThat(after.trainees() - before.trainees()).isEqualTo(5);
        assertThat(after.publicityEvents() - before.publicityEvents()).isEqualTo(2);
        assertThat(delta(before.unitsByGrade(), after.unitsByGrade())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PROVINCIAL_FIRST", 0L, "PROVINCIAL_SECOND", 1L, "PROVINCIAL_THIRD", 0L, "UNGRADED", 1L));
        OutreachYear previous = units.year(year - 1);
        assertThat(delta(beforePrevious.unitsByGrade(), previous.unitsByGrade())).containsExactlyInAnyOrderEntriesOf(
                Map.of("PROVINCIAL_FIRST", 0L, "PROVINCIAL_SECOND", 0L, "PROVINCIAL_THIRD", 1L, "UNGRADED", 0L));
        assertThat(previous.trainees() - beforePrevious.trainees()).isEqualTo(2);
        assertThat(as(() -> units.grades(raised))).extracting(GradeChange::grade).containsExactly(
                Grade.PROVINCIAL_FIRST, Grade.PROVINCIAL_SECOND, Grade.PROVINCIAL_THIRD);
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        return Map.of("PROVINCIAL_FIRST", diff(before, after, "PROVINCIAL_FIRST"),
                "PROVINCIAL_SECOND", diff(before, after, "PROVINCIAL_SECOND"),
                "PROVINCIAL_THIRD", diff(before, after, "PROVINCIAL_THIRD"),
                "UNGRADED", diff(before, after, "UNGRADED"));
    }

    private static long diff(Map<String, Long> before, Map<String, Long> after, String grade) {
        return after.get(grade) - before.get(grade);
    }

    private Training training(String title, String hours, List<Attendee> attendees) {
        return as(() -> outreach.addTraining(new Training(0, today, title, new BigDecimal(hours), "钱老师", attendees),
                viewer));
    }

    private void training(LocalDate day, List<Attendee> attendees) {
        outreach.addTraining(new Training(0, day, "年度培训", new BigDecimal("2"), "钱老师", attendees), viewer);
    }

    private void refused(ThrowingCallable call, int status, String key) {
        assertThatThrownBy(() -> staff.as(INSPECTOR, () -> {
            try {
                call.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            return null;
        })).isInstanceOfSatisfying(SupervisionProblem.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.status()).isEqualTo(status);
        });
    }

    private <T> T as(Supplier<T> work) {
        return staff.as(INSPECTOR, work);
    }
}
