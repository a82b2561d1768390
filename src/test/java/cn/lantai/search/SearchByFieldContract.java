package cn.lantai.search;

import static cn.lantai.search.SearchFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;

/**
 * What every {@link SearchIndex} engine must do for the advanced search (高级检索) and the year facet, in the archive's
 * words; part of {@link SearchIndexContract}, so it runs on the embedded Lucene engine and on SolrCloud alike. Each
 * test starts from an empty index.
 */
interface SearchByFieldContract {

    /** The engine under test, emptied before each test. */
    SearchIndex index();

    private SearchResult search(Q q) {
        return index().search(q.build());
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    private static FieldCriteria title(String title) {
        return FieldCriteria.read(title, null, null, null, null, null, null);
    }

    private static FieldCriteria creator(String creator) {
        return FieldCriteria.read(null, creator, null, null, null, null, null);
    }

    private static FieldCriteria docNumber(String docNumber) {
        return FieldCriteria.read(null, null, docNumber, null, null, null, null);
    }

    private static FieldCriteria codes(String from, String to) {
        return FieldCriteria.read(null, null, null, from, to, null, null);
    }

    private static FieldCriteria dates(String from, String to) {
        return FieldCriteria.read(null, null, null, null, null, from, to);
    }

    @Test
    default void titleCreatorAndDocumentNumberAreEachLookedForInThatFieldAlone() {
        index().index(List.of(
                doc("flood").title("关于做好防汛工作的通知").creator("区水利局").docNumber("区水发〔2019〕12号")
                        .text("区政府办公室 转发").build(),
                doc("report").title("区水利局2019年工作总结").creator("区政府办公室").docNumber("区府办〔2019〕3号")
                        .build(),
                doc("other").title("防汛物资调拨单").creator("区应急管理局").text("区水利局 区水发〔2019〕12号").build()));

        assertThat(ids(search(q("").fields(title("水利局"))))).containsExactly("report");
        assertThat(ids(search(q("").fields(creator("水利局"))))).containsExactly("flood");
        assertThat(ids(search(q("").fields(creator("政府办公室"))))).containsExactly("report");
        assertThat(ids(search(q("").fields(docNumber("水发〔2019〕12"))))).containsExactly("flood");
        assertThat(ids(search(q("").fields(docNumber("府办"))))).containsExactly("report");
        assertThat(ids(search(q("").fields(title("防汛 通知")))))
                .as("every part of a field's value is required").containsExactly("flood");
        assertThat(ids(search(q("防汛").fields(creator("应急管理局"))))).as("with the box's words too")
                .containsExactly("other");
        assertThat(ids(search(q("").fields(FieldCriteria.read("防汛", "水利局", "12号", null, null, null, null)))))
                .as("all fields together").containsExactly("flood");
        assertThat(ids(search(q("").fields(title("总结 通知"))))).isEmpty();
    }

    @Test
    default void archivalCodesRangeInTheirOwnOrderWithinAGroup() {
        String group = "0012-WS·2019-Y-BGS-";
        index().index(List.of(doc("8").code(group + "0008").build(), doc("9").code(group + "0009").build(),
                doc("10").code(group + "0010").build(), doc("11").code(group + "0011").build(),
                doc("100").code(group + "0100").build(), doc("next-year").code("0012-WS·2020-Y-BGS-0001").build()));

        assertThat(ids(search(q("").fields(codes(group + "0009", group + "0010")))))
                .as("0009 comes before 0010, as the numbers do").containsExactlyInAnyOrder("9", "10");
        assertThat(ids(search(q("").fields(codes("0012-ws.2019-y-bgs-9", "0012-WS·2019-Y-BGS-100")))))
                .as("codes typed without padding or the middle dot").containsExactlyInAnyOrder("9", "10", "11", "100");
        assertThat(ids(search(q("").fields(codes(null, group + "0009"))))).containsExactlyInAnyOrder("8", "9");
        assertThat(ids(search(q("").fields(codes(group + "0011", null)))))
                .containsExactlyInAnyOrder("11", "100", "next-year");
        assertThat(ids(search(q("").fields(codes(group + "0012", group + "0099"))))).isEmpty();
    }

    @Test
    default void datesRangeByDayMonthOrYearAndUndatedItemsAreInNoRange() {
        index().index(List.of(doc("feb").date(LocalDate.of(2019, 2, 28)).build(),
                doc("mar1").date(LocalDate.of(2019, 3, 1)).build(), doc("mar31").date(LocalDate.of(2019, 3, 31)).build(),
                doc("apr").date(LocalDate.of(2019, 4, 1)).build(), doc("dec").date(LocalDate.of(2019, 12, 31)).build(),
                doc("next").date(LocalDate.of(2020, 1, 1)).build(), doc("undated").date(null).build()));

        assertThat(ids(search(q("").fields(dates("2019-03", "2019-03"))))).containsExactlyInAnyOrder("mar1", "mar31");
        assertThat(ids(search(q("").fields(dates("2019", "2019")))))
                .containsExactlyInAnyOrder("feb", "mar1", "mar31", "apr", "dec");
        assertThat(ids(search(q("").fields(dates(null, "2019年2月"))))).containsExactly("feb");
        assertThat(ids(search(q("").fields(dates("2019-03-31", "20190401"))))).containsExactlyInAnyOrder("mar31", "apr");
        assertThat(ids(search(q("").fields(dates("2019-12-31", null))))).containsExactlyInAnyOrder("dec", "next");
    }

    @Test
    default void aFieldQueryNeverRevealsARecordTheViewerMayNotSee() {
        index().index(List.of(
                doc("open").title("征地补偿方案").creator("区国土资源局").build(),
                doc("secret").title("征地补偿方案（内部）").creator("区国土资源局").docNumber("区国土〔2019〕9号")
                        .classification(Classification.SECRET).build(),
                doc("controlled").title("征地补偿名单").creator("区国土资源局").docNumber("区国土〔2019〕9号")
                        .openStatus(OpenStatus.CONTROLLED).build()));

        SearchResult staff = search(q("").fields(creator("国土资源局")).viewer(CONFIDENTIAL_STAFF));
        assertThat(ids(staff)).containsExactlyInAnyOrder("open", "controlled");
        assertThat(staff.facets().get("classification")).containsExactlyInAnyOrderEntriesOf(Map.of("NONE", 2L));
        SearchResult visitor = search(q("").fields(docNumber("国土〔2019〕9号")).viewer(PUBLIC));
        assertThat(visitor.total()).isZero();
        assertThat(visitor.facets().values()).allSatisfy(counts -> assertThat(counts).isEmpty());
        assertThat(search(q("").fields(title("内部")).viewer(CONFIDENTIAL_STAFF)).total()).isZero();
        assertThat(ids(search(q("").fields(title("内部"))))).as("the archivist sees it").containsExactly("secret");
    }

    @Test
    default void theYearFacetListsTheNewestYearFirstWhateverTheCounts() {
        index().index(List.of(doc("a1").year(1990).build(), doc("a2").year(1990).build(), doc("a3").year(1990).build(),
                doc("b1").year(2010).build(), doc("b2").year(2010).build(), doc("c1").year(1999).build(),
                doc("d1").year(2005).build(), doc("d2").year(2005).build(), doc("d3").year(2005).build(),
                doc("d4").year(2005).build()));

        Map<String, Long> years = search(q("")).facets().get("year");
        assertThat(years.keySet()).containsExactly("2010", "2005", "1999", "1990");
        assertThat(years).containsEntry("2005", 4L).containsEntry("1990", 3L);
        assertThat(search(q("")).facets().get("fonds").keySet()).containsExactly("F1");
    }

    @Test
    default void querySyntaxTypedInAFieldIsPlainText() {
        index().index(List.of(doc("s").title("关于 AND 与 OR 的说明（title:a）").creator("张三*").docNumber("A[0 TO 9]号")
                .build()));

        for (String typed : List.of("title:(a OR", "*?~^", "\"", "\\", "AND", "[0 TO 9]", "{!term f=id}s", "(", "-",
                "a/b", "OR NOT", "&&||!")) {
            assertThatCode(() -> search(q("").fields(FieldCriteria.read(typed, typed, typed, null, null, null, null))))
                    .as(typed).doesNotThrowAnyException();
        }
        assertThat(ids(search(q("").fields(docNumber("[0 TO 9]"))))).containsExactly("s");
        assertThat(ids(search(q("").fields(creator("张三*"))))).containsExactly("s");
        assertThat(ids(search(q("").fields(title("{!term f=id}s"))))).isEmpty();
    }
}
