package cn.lantai.catalog;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The archival code of DA/T 22-2015 and the date forms archivists write, without the application. */
class ArchivalRulesTest {

    @Test
    void archivalCodeIsFormattedAsTheStandardShows() {
        ArchivalCode code = new ArchivalCode("0012", "WS", 2019, Retention.PERMANENT, "BGS", 7);
        assertThat(code).hasToString("0012-WS·2019-Y-BGS-0007");
        assertThat(new ArchivalCode("0012", "WS", 2019, Retention.TEN_YEARS, "", 12)).hasToString("0012-WS·2019-D10-0012");
    }

    @ParameterizedTest
    @CsvSource({
            "0012-WS·2019-Y-BGS-0007, 0012, WS, 2019, Y, BGS, 7",
            "0012-WS.2019-D30-BGS-0101, 0012, WS, 2019, D30, BGS, 101",
            "a001-ws・2020-d10-0003, A001, WS, 2020, D10, '', 3",
            "0012-KJ·1998-Y-CW01-9999, 0012, KJ, 1998, Y, CW01, 9999"})
    void archivalCodesAreParsedWhateverTheMiddleDot(String text, String fonds, String category, int year,
            String retention, String org, int itemNo) {
        ArchivalCode code = ArchivalCode.parse(text).orElseThrow();
        assertThat(code).isEqualTo(new ArchivalCode(fonds, category, year, Retention.ofCode(retention), org, itemNo));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0012-WS-2019-Y-0001", "012-WS·2019-Y-0001", "0012-WS·2019-D20-0001",
            "0012-WS·2019-Y-BGS-0000", "0012-WS·19-Y-BGS-0001", "0012-WS·2019-Y-BGS-00001", "'; DROP TABLE item; --"})
    void malformedArchivalCodesAreRefused(String text) {
        assertThat(ArchivalCode.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20190312", "2019-03-12", "2019.3.12", "2019年3月12日", "2019/03/12", " 2019 年 3 月 12 日 ",
            "2019-03-12T00:00:00"})
    void datesAreReadInEveryFormArchivistsWrite(String text) {
        assertThat(ArchivalDates.parse(text)).contains(LocalDate.of(2019, 3, 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-02-30", "20191332", "2019年13月1日", "2019", "三月十二日", "2019-3", "12/03/2019"})
    void impossibleOrIncompleteDatesAreRefused(String text) {
        assertThat(ArchivalDates.parse(text)).isEmpty();
    }

    @Test
    void retentionAcceptsCodesAndChineseNames() {
        assertThat(Retention.parse("永久")).contains(Retention.PERMANENT);
        assertThat(Retention.parse("定期30年")).contains(Retention.THIRTY_YEARS);
        assertThat(Retention.parse("d10")).contains(Retention.TEN_YEARS);
        assertThat(Retention.parse("长期")).isEmpty();
    }

    @Test
    void clearanceCoversItsOwnLevelAndBelow() {
        assertThat(Classification.SECRET.covers(Classification.CONFIDENTIAL)).isTrue();
        assertThat(Classification.CONFIDENTIAL.covers(Classification.SECRET)).isFalse();
        assertThat(Classification.parse("机密")).contains(Classification.SECRET);
        assertThat(Classification.parse("")).contains(Classification.NONE);
        assertThat(Classification.parse("很秘密")).isEmpty();
    }
}
