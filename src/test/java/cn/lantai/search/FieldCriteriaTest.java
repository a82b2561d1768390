package cn.lantai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** How the advanced search reads what is typed in its fields, and what it refuses, naming the field. */
class FieldCriteriaTest {

    private static FieldCriteria dates(String from, String to) {
        return FieldCriteria.read(null, null, null, null, null, from, to);
    }

    @Test
    void partialDatesCoverTheirWholeYearOrMonth() {
        assertThat(dates("2019", "2019")).extracting(FieldCriteria::dateFrom, FieldCriteria::dateTo)
                .containsExactly(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
        assertThat(dates("2020-02", "2020.2")).extracting(FieldCriteria::dateFrom, FieldCriteria::dateTo)
                .containsExactly(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 29));
        assertThat(dates("2019年3月", "201903")).extracting(FieldCriteria::dateFrom, FieldCriteria::dateTo)
                .containsExactly(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31));
        assertThat(dates("2019.3.12", "20190312")).extracting(FieldCriteria::dateFrom, FieldCriteria::dateTo)
                .containsExactly(LocalDate.of(2019, 3, 12), LocalDate.of(2019, 3, 12));
    }

    @Test
    void aDateThatIsNoneIsRefusedNamingTheField() {
        for (String bad : new String[] {"2019-13", "2019-02-30", "19", "三月", "2019-3-", "*"}) {
            assertThatThrownBy(() -> dates(bad, null)).as(bad).isInstanceOfSatisfying(SearchQueryRejected.class,
                    e -> assertThat(e.field()).isEqualTo("dateFrom"));
        }
        assertThatThrownBy(() -> dates(null, "2019-13")).isInstanceOfSatisfying(SearchQueryRejected.class,
                e -> assertThat(e.code()).isEqualTo("advsearch.not-a-date"));
    }

    @Test
    void aRangeWhoseStartLiesAfterItsEndIsRefused() {
        assertThatThrownBy(() -> dates("2019-04", "2019-03")).isInstanceOfSatisfying(SearchQueryRejected.class,
                e -> assertThat(e.field()).isEqualTo("dateTo"));
        assertThatThrownBy(() -> FieldCriteria.read(null, null, null, "0012-WS·2019-Y-BGS-0010",
                "0012-WS·2019-Y-BGS-0009", null, null)).isInstanceOfSatisfying(SearchQueryRejected.class,
                        e -> assertThat(e.code()).isEqualTo("advsearch.code-range-reversed"));
        assertThat(dates("2019-03", "2019-03-01").dateTo()).isEqualTo(LocalDate.of(2019, 3, 1));
    }

    @Test
    void archivalCodesAreReadInTheirNormalForm() {
        assertThat(FieldCriteria.read(null, null, null, "0012-ws.2019-y-bgs-9", null, null, null).codeFrom())
                .isEqualTo("0012-WS·2019-Y-BGS-0009");
        assertThat(FieldCriteria.read(null, null, null, null, "0012-WS·1988-Y-BGS-3-12", null, null).codeTo())
                .as("an item in a file (卷)").isEqualTo("0012-WS·1988-Y-BGS-0003-0012");
        assertThatThrownBy(() -> FieldCriteria.read(null, null, null, "0012-WS", null, null, null))
                .isInstanceOfSatisfying(SearchQueryRejected.class, e -> assertThat(e.field()).isEqualTo("codeFrom"));
    }

    @Test
    void aValueLongerThanASearchIsRefusedAndQuotedShort() {
        String huge = "档".repeat(10_000);
        for (String field : new String[] {"title", "creator", "docNumber", "codeFrom", "dateTo"}) {
            assertThatThrownBy(() -> FieldCriteria.read(field.equals("title") ? huge : null,
                    field.equals("creator") ? huge : null, field.equals("docNumber") ? huge : null,
                    field.equals("codeFrom") ? huge : null, null, null, field.equals("dateTo") ? huge : null))
                    .isInstanceOfSatisfying(SearchQueryRejected.class, e -> {
                        assertThat(e.field()).isEqualTo(field);
                        assertThat(e.getMessage().length()).isLessThan(200);
                    });
        }
        assertThat(FieldCriteria.read("  ", "", null, " ", null, "", null).isEmpty()).isTrue();
    }
}
