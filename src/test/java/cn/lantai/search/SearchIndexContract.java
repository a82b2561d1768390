package cn.lantai.search;

import static cn.lantai.search.SearchFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.SearchQuery.Sort;

/**
 * What every {@link SearchIndex} engine must do, in the archive's words. A subclass supplies the engine; each test
 * starts from an empty index. The advanced search's rules are in {@link SearchByFieldContract}, run with these.
 */
public abstract class SearchIndexContract implements SearchByFieldContract {

    protected SearchIndex index;

    @Override
    public SearchIndex index() {
        return index;
    }

    /** A fresh or shared engine for one test; it is cleared before the test. */
    protected abstract SearchIndex openIndex() throws Exception;

    /** Releases what {@link #openIndex()} gave (a shared engine stays open). */
    protected abstract void closeIndex(SearchIndex index) throws Exception;

    @BeforeEach
    void startEmpty() throws Exception {
        index = openIndex();
        index.clear();
    }

    @AfterEach
    void release() throws Exception {
        closeIndex(index);
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aChinesePhraseFromOneTitleFindsThatItemFirst() {
        List<String> places = List.of("红旗公社", "东风公社", "胜利公社", "前进公社", "和平公社");
        List<String> topics = List.of("水利建设", "农业生产", "粮食征购", "民兵训练", "卫生防疫", "扫盲教育");
        List<String> kinds = List.of("报告", "请示", "通知", "总结");
        List<SearchDocument> docs = new ArrayList<>();
        int n = 0;
        for (int year = 1958; year <= 1960; year++) {
            for (String place : places) {
                for (String topic : topics) {
                    for (String kind : kinds) {
                        String title = "关于" + place + year + "年" + topic + "情况的" + kind;
                        docs.add(doc("t" + n++).title(title).year(year)
                                .text(place + "革命委员会 " + topic + " " + kind).build());
                    }
                }
            }
        }
        // decoys: every word of the phrase in the title and text, several times, but never as the phrase
        for (int i = 0; i < 20; i++) {
            docs.add(doc("decoy" + i).title("东风公社粮食征购的请示：1959年情况，东风公社粮食征购请示" + i)
                    .text("东风公社 粮食征购 1959年 东风公社 粮食征购 1959年 东风公社 粮食征购 1959年 请示 情况")
                    .fullText("1959年 粮食征购 东风公社 ".repeat(20)).build());
        }
        index.index(docs);
        assertThat(index.count()).isEqualTo(docs.size());

        String target = docs.stream().filter(d -> d.title().equals("关于东风公社1959年粮食征购情况的请示"))
                .findFirst().orElseThrow().id();
        SearchResult result = search(q("东风公社1959年粮食征购情况的请示").viewer(ARCHIVIST));

        assertThat(result.total()).as("the words match more than the one title").isGreaterThan(1);
        assertThat(result.hits().get(0).id()).isEqualTo(target);
    }

    @Test
    void resultsAboveTheViewersClearanceAreNeverCounted() {
        index.index(List.of(
                doc("n1").title("党委会议纪要").fonds("F1").classification(Classification.NONE).build(),
                doc("n2").title("党委会议纪要").fonds("F1").classification(Classification.NONE).build(),
                doc("n3").title("党委会议纪要").fonds("F2").classification(Classification.NONE).build(),
                doc("c1").title("党委会议纪要").fonds("F2").classification(Classification.CONFIDENTIAL).build(),
                doc("c2").title("党委会议纪要").fonds("F3").classification(Classification.CONFIDENTIAL).build(),
                doc("s1").title("党委会议纪要").fonds("F3").classification(Classification.SECRET).build(),
                doc("s2").title("党委会议纪要").fonds("F4").classification(Classification.SECRET).build(),
                doc("t1").title("党委会议纪要").fonds("F4").classification(Classification.TOP_SECRET).build()));

        SearchResult result = search(q("会议纪要").viewer(CONFIDENTIAL_STAFF));

        assertThat(result.total()).isEqualTo(5);
        assertThat(ids(result)).containsExactlyInAnyOrder("n1", "n2", "n3", "c1", "c2");
        assertThat(result.facets().get("classification"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("NONE", 3L, "CONFIDENTIAL", 2L));
        assertThat(result.facets().get("fonds"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("F1", 2L, "F2", 2L, "F3", 1L));

        assertThat(search(q("").viewer(CONFIDENTIAL_STAFF)).total()).isEqualTo(5);
        // asking for 机密 explicitly does not open them up
        assertThat(search(q("会议纪要").classification(Classification.SECRET).viewer(CONFIDENTIAL_STAFF)).total())
                .isZero();
        assertThat(search(q("会议纪要").viewer(ARCHIVIST)).total()).isEqualTo(8);
    }

    @Test
    void unopenedRecordsAreHiddenFromThePublic() {
        index.index(List.of(
                doc("o1").title("城市规划图纸").openStatus(OpenStatus.OPEN).build(),
                doc("o2").title("城市规划说明").openStatus(OpenStatus.OPEN).build(),
                doc("p1").title("城市规划草案").openStatus(OpenStatus.PENDING).build(),
                doc("c1").title("城市规划内部意见").openStatus(OpenStatus.CONTROLLED).build(),
                doc("d1").title("城市规划征地补偿").openStatus(OpenStatus.DELAYED).build(),
                doc("x1").title("城市规划保密附件").openStatus(OpenStatus.OPEN)
                        .classification(Classification.CONFIDENTIAL).build()));

        SearchResult forPublic = search(q("城市规划").viewer(PUBLIC));
        assertThat(ids(forPublic)).containsExactlyInAnyOrder("o1", "o2");
        assertThat(forPublic.total()).isEqualTo(2);
        assertThat(forPublic.facets().get("openStatus")).containsExactlyInAnyOrderEntriesOf(Map.of("OPEN", 2L));
        assertThat(search(q("城市规划").openStatus(OpenStatus.CONTROLLED).viewer(PUBLIC)).total()).isZero();
        assertThat(search(q("").viewer(PUBLIC)).total()).isEqualTo(2);

        Viewer insider = Viewer.staff("reading-room", Classification.NONE, true);
        assertThat(ids(search(q("城市规划").viewer(insider))))
                .containsExactlyInAnyOrder("o1", "o2", "p1", "c1", "d1");
    }

    @Test
    void filtersByFondsCategoryYearRangeRetention() {
        index.index(List.of(
                doc("a").fonds("F1").category("WS").year(1990).retention("永久").build(),
                doc("b").fonds("F1").category("WS").year(1995).retention("30年").build(),
                doc("c").fonds("F1").category("KJ").year(2000).retention("永久").build(),
                doc("d").fonds("F2").category("WS").year(2005).retention("10年").build(),
                doc("e").fonds("F2").category("KJ").year(2010).retention("永久").build()));

        assertThat(ids(search(q("").fonds("F1")))).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ids(search(q("").category("KJ")))).containsExactlyInAnyOrder("c", "e");
        assertThat(ids(search(q("").years(1995, 2005)))).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(ids(search(q("").years(2001, null)))).containsExactlyInAnyOrder("d", "e");
        assertThat(ids(search(q("").years(null, 1990)))).containsExactlyInAnyOrder("a");
        assertThat(ids(search(q("").retention("永久")))).containsExactlyInAnyOrder("a", "c", "e");
        assertThat(ids(search(q("").fonds("F1").category("WS").retention("永久")))).containsExactly("a");
        assertThat(ids(search(q("").fonds("F2").years(1990, 2000)))).isEmpty();
        SearchResult filtered = search(q("").fonds("F1").years(1991, 2010));
        assertThat(filtered.total()).isEqualTo(2);
        assertThat(filtered.facets().get("year")).containsExactlyInAnyOrderEntriesOf(Map.of("1995", 1L, "2000", 1L));
    }

    @Test
    void facetsCountOnlyWhatTheViewerMaySee() {
        index.index(List.of(
                doc("1").fonds("F1").category("WS").year(2001).retention("永久").title("水库移民安置").build(),
                doc("2").fonds("F1").category("WS").year(2001).retention("30年").title("水库移民补助").build(),
                doc("3").fonds("F2").category("KJ").year(2002).retention("永久").title("水库大坝设计").build(),
                doc("4").fonds("F2").category("KJ").year(2002).retention("永久").title("水库大坝图纸")
                        .classification(Classification.CONFIDENTIAL).build(),
                doc("5").fonds("F3").category("KJ").year(2003).retention("10年").title("水库渗漏报告")
                        .openStatus(OpenStatus.CONTROLLED).build(),
                doc("6").fonds("F3").category("WS").year(2003).retention("永久").title("公路养护记录").build()));

        Map<String, Map<String, Long>> all = search(q("").viewer(PUBLIC)).facets();
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(SearchResult.FACETS);
        assertThat(all.get("fonds")).containsExactlyInAnyOrderEntriesOf(Map.of("F1", 2L, "F2", 1L, "F3", 1L));
        assertThat(all.get("category")).containsExactlyInAnyOrderEntriesOf(Map.of("WS", 3L, "KJ", 1L));
        assertThat(all.get("year")).containsExactlyInAnyOrderEntriesOf(Map.of("2001", 2L, "2002", 1L, "2003", 1L));
        assertThat(all.get("retention")).containsExactlyInAnyOrderEntriesOf(Map.of("永久", 3L, "30年", 1L));
        assertThat(all.get("classification")).containsExactlyInAnyOrderEntriesOf(Map.of("NONE", 4L));
        assertThat(all.get("openStatus")).containsExactlyInAnyOrderEntriesOf(Map.of("OPEN", 4L));

        Map<String, Map<String, Long>> words = search(q("水库").viewer(PUBLIC)).facets();
        assertThat(words.get("fonds")).containsExactlyInAnyOrderEntriesOf(Map.of("F1", 2L, "F2", 1L));
        assertThat(words.get("year")).containsExactlyInAnyOrderEntriesOf(Map.of("2001", 2L, "2002", 1L));

        Map<String, Map<String, Long>> archivist = search(q("水库").viewer(ARCHIVIST)).facets();
        assertThat(archivist.get("fonds")).containsExactlyInAnyOrderEntriesOf(Map.of("F1", 2L, "F2", 2L, "F3", 1L));
        assertThat(archivist.get("openStatus"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("OPEN", 4L, "CONTROLLED", 1L));
    }

    @Test
    void browsingAgainCountsWhatChangedMeanwhileAndOnlyWhatEachViewerMaySee() {
        index.index(List.of(doc("b1").fonds("F1").year(2001).build(), doc("b2").fonds("F1").year(2002).build(),
                doc("b3").fonds("F2").year(2002).classification(Classification.CONFIDENTIAL).build()));
        for (int round = 0; round < 2; round++) {
            // the same browse twice: the second may reuse counts, and must give the same answer
            assertThat(search(q("").viewer(PUBLIC)).total()).isEqualTo(2);
            assertThat(search(q("").viewer(ARCHIVIST)).total()).isEqualTo(3);
            assertThat(search(q("").viewer(PUBLIC)).facets().get("fonds"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("F1", 2L));
        }
        index.index(List.of(doc("b4").fonds("F2").year(2003).build()));
        index.delete(List.of("b1"));

        SearchResult after = search(q("").viewer(PUBLIC));
        assertThat(after.total()).isEqualTo(2);
        assertThat(ids(after)).containsExactlyInAnyOrder("b2", "b4");
        assertThat(after.facets().get("fonds")).containsExactlyInAnyOrderEntriesOf(Map.of("F1", 1L, "F2", 1L));
        assertThat(after.facets().get("year")).containsExactlyInAnyOrderEntriesOf(Map.of("2002", 1L, "2003", 1L));
        assertThat(search(q("").fonds("F2").viewer(ARCHIVIST)).total()).isEqualTo(2);
        assertThat(ids(search(q("").viewer(ARCHIVIST).page(1, 2)))).hasSize(1);
    }

    @Test
    void relevanceScoresAreShownAndOrderTheHits() {
        index.index(List.of(doc("s1").title("水库移民安置").build(), doc("s2").title("水库移民安置 水库 移民").build(),
                doc("s3").title("公路养护").text("水库").build()));
        List<SearchHit> hits = search(q("水库")).hits();
        assertThat(hits).hasSize(3);
        assertThat(hits).allSatisfy(h -> assertThat(h.score()).isPositive());
        assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(hits.get(1).score());
        assertThat(hits.get(1).score()).isGreaterThanOrEqualTo(hits.get(2).score());
    }

    @Test
    void theFullTextIsFoundByItsWordsWhileRunsAreLookedForInTheDescribedFields() {
        index.index(List.of(doc("f1").title("区人社局报告").fullText("第一页：社会保险基金年度预算。" + "无关的正文。".repeat(200))
                        .build(),
                doc("f2").title("关于社会保险基金的批复").build()));

        // the body's words find it, as in any full-text search
        assertThat(ids(search(q("社会保险")))).containsExactlyInAnyOrder("f1", "f2");
        assertThat(ids(search(q("预算")))).containsExactly("f1");
        // a run across the segmenter's words is found in a title, not in a body: runs over whole bodies would find a
        // tenth of the catalogue for any two common characters
        assertThat(ids(search(q("险基")))).containsExactly("f2");
    }

    @Test
    void highlightsTitleWordsAndEscapesMarkup() {
        index.index(List.of(doc("h1").title("<script>alert(1)</script>婚姻登记档案")
                .text("本卷为县民政局婚姻登记的原始记录，按年度整理。")
                .fullText("第一页：婚姻登记申请书。第二页：结婚证存根。").build(),
                doc("h2").title("土地房产登记").text("与本案无关").build()));

        SearchResult result = search(q("婚姻登记"));

        assertThat(ids(result)).containsExactly("h1");
        SearchHit hit = result.hits().get(0);
        assertThat(hit.title()).isEqualTo("<script>alert(1)</script>婚姻登记档案");
        String title = hit.highlights().get("title");
        assertThat(title).isNotNull().containsPattern("<em>[^<]*婚姻[^<]*</em>").contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(hit.highlights().get("text")).isEqualTo("本卷为县民政局<em>婚姻登记</em>的原始记录，按年度整理。");
        assertThat(hit.highlights().get("fullText")).containsPattern("<em>[^<]*登记[^<]*</em>");
    }

    @Test
    void extraFieldsAreSearchableAndFilterable() {
        index.index(List.of(
                doc("m1").category("HY").title("结婚登记表").extra(Map.of("groomName", "张三", "brideName", "李梅"))
                        .build(),
                doc("m2").category("HY").title("结婚登记表").extra(Map.of("groomName", "王五", "brideName", "赵六"))
                        .build(),
                doc("m3").category("WS").title("张三同志任职通知").build()));

        assertThat(ids(search(q("李梅")))).containsExactly("m1");
        assertThat(ids(search(q("张三")))).containsExactlyInAnyOrder("m1", "m3");
        assertThat(ids(search(q("张三 李梅")))).as("every word is required").containsExactly("m1");
        assertThat(ids(search(q("张三李梅")))).as("also without a space").containsExactly("m1");
        assertThat(ids(search(q("").extra(Map.of("groomName", "张三"))))).containsExactly("m1");
        assertThat(ids(search(q("结婚").extra(Map.of("groomName", "王五"))))).containsExactly("m2");
        assertThat(ids(search(q("").extra(Map.of("groomName", "张"))))).as("exact value, not a prefix").isEmpty();
        assertThat(ids(search(q("").extra(Map.of("brideName", "张三"))))).isEmpty();
    }

    @Test
    void reindexingReplacesTheDocument() {
        index.index(List.of(doc("r1").title("红星水库工程验收").year(1970).build()));
        index.index(List.of(doc("r1").title("红星大桥工程验收").year(1971).build()));

        assertThat(index.count()).isEqualTo(1);
        assertThat(search(q("水库")).total()).isZero();
        SearchResult bridge = search(q("大桥"));
        assertThat(ids(bridge)).containsExactly("r1");
        assertThat(bridge.hits().get(0).year()).isEqualTo(1971);
        assertThat(bridge.facets().get("year")).containsExactlyInAnyOrderEntriesOf(Map.of("1971", 1L));
    }

    @Test
    void deletedDocumentsAreNotFound() {
        index.index(List.of(doc("k1").title("档案移交清册").build(), doc("k2").title("档案销毁清册").build(),
                doc("k3").title("档案借阅登记").build()));

        index.delete(List.of("k2", "no-such-id"));

        assertThat(index.count()).isEqualTo(2);
        assertThat(ids(search(q("")))).containsExactlyInAnyOrder("k1", "k3");
        assertThat(search(q("销毁")).total()).isZero();
        assertThat(search(q("清册")).total()).isEqualTo(1);
    }

    @Test
    void sortsByDateAndByArchivalCode() {
        index.index(List.of(
                doc("s1").code("J001-WS-2001-0003").date(LocalDate.of(2001, 5, 1)).title("工作总结").build(),
                doc("s2").code("J001-WS-2001-0001").date(LocalDate.of(1999, 1, 9)).title("工作总结").build(),
                doc("s3").code("J001-WS-2001-0004").date(null).title("工作总结").build(),
                doc("s4").code("J001-WS-2001-0002").date(LocalDate.of(2020, 12, 31)).title("工作总结").build()));

        assertThat(ids(search(q("总结").sort(Sort.DATE_ASC)))).containsExactly("s2", "s1", "s4", "s3");
        assertThat(ids(search(q("总结").sort(Sort.DATE_DESC)))).containsExactly("s4", "s1", "s2", "s3");
        assertThat(ids(search(q("").sort(Sort.ARCHIVAL_CODE)))).containsExactly("s2", "s4", "s1", "s3");
        SearchHit first = search(q("").sort(Sort.DATE_DESC)).hits().get(0);
        assertThat(first.date()).isEqualTo("2020-12-31");
        assertThat(first.archivalCode()).isEqualTo("J001-WS-2001-0002");
    }

    @Test
    void anArchivalCodeTypedAsTheQueryFindsThatItemAlone() {
        index.index(List.of(doc("c1").code("0012-WS·2019-Y-BGS-0007").title("关于2019年工作的通知").build(),
                doc("c2").code("0012-WS·2019-Y-BGS-0017").title("0012 2019 BGS 0007 通知").build()));

        assertThat(ids(search(q("0012-WS·2019-Y-BGS-0007")))).containsExactly("c1");
        assertThat(ids(search(q("0012-ws.2019-y-bgs-0007")))).containsExactly("c1");
        assertThat(ids(search(q("0012-WS·2019-Y-BGS-0007").viewer(PUBLIC)))).containsExactly("c1");
    }

    @Test
    void pagingDoesNotRepeatOrSkip() {
        List<SearchDocument> docs = IntStream.range(0, 53)
                .mapToObj(i -> doc("p" + i).code(String.format("J002-%04d", 53 - i))
                        .date(i % 7 == 0 ? null : LocalDate.of(2000, 1, 1).plusDays(i % 5))
                        .title(i % 2 == 0 ? "干部任免通知" : "干部任免通知 干部 任免").build())
                .toList();
        index.index(docs);
        Set<String> expected = new HashSet<>(docs.stream().map(SearchDocument::id).toList());

        for (Sort sort : Sort.values()) {
            List<String> seen = new ArrayList<>();
            for (int page = 0; page < 6; page++) {
                SearchResult result = search(q("任免").sort(sort).page(page, 10));
                assertThat(result.total()).isEqualTo(53);
                assertThat(result.hits()).hasSize(page < 5 ? 10 : 3);
                seen.addAll(ids(result));
            }
            assertThat(search(q("任免").sort(sort).page(6, 10)).hits()).isEmpty();
            assertThat(seen).as("sort %s", sort).doesNotHaveDuplicates().hasSize(53);
            assertThat(new HashSet<>(seen)).isEqualTo(expected);
        }
    }

    @Test
    void queryMetacharactersAreHarmless() {
        index.index(List.of(doc("q1").title("张三婚姻登记").build(),
                doc("q2").title("机密文件").classification(Classification.SECRET).build(),
                doc("q3").title("未开放文件").openStatus(OpenStatus.PENDING).build()));

        List<String> found = List.of("\"张三", "张三 (", "张三:*~\\", "(张三) && 婚姻!", "张三\" (婚姻", "婚姻~^",
                "[张三", "张三/登记", "张三';--");
        for (String text : found) {
            assertThat(ids(search(q(text)))).as(text).containsExactly("q1");
        }
        List<String> harmless = List.of("AND", "OR NOT", "[张三 TO", "婚姻~2^3", "张三\" AND (婚姻",
                "张三'; DROP TABLE item;--", ")(", "\\", "\"", "title:张三", "{!lucene}机密", "{!term f=classification}SECRET",
                "*:* OR classification:SECRET", "+-&&||!(){}[]^\"~*?:\\/", "openStatus:PENDING", "id:q2");
        for (String text : harmless) {
            assertThatCode(() -> search(q(text).viewer(PUBLIC))).as(text).doesNotThrowAnyException();
            assertThat(ids(search(q(text).viewer(PUBLIC)))).as(text).doesNotContain("q2", "q3");
        }
        assertThat(ids(search(q("*").viewer(PUBLIC)))).as("only punctuation lists everything visible").containsExactly("q1");
    }

    @Test
    void blankTextListsEverythingVisible() {
        index.index(List.of(doc("b1").build(), doc("b2").build(),
                doc("b3").classification(Classification.CONFIDENTIAL).build(),
                doc("b4").openStatus(OpenStatus.PENDING).build()));

        for (String blank : new String[] {null, "", "   ", "\t\n"}) {
            SearchResult result = search(q(blank).viewer(PUBLIC));
            assertThat(result.total()).isEqualTo(2);
            assertThat(ids(result)).containsExactlyInAnyOrder("b1", "b2");
            assertThat(result.hits()).allSatisfy(h -> assertThat(h.highlights()).isEmpty());
        }
        assertThat(ids(search(q("").viewer(ARCHIVIST)))).containsExactlyInAnyOrder("b1", "b2", "b3", "b4");
    }

    @Test
    void anEmptyIndexAndSparseItemsAnswerCalmly() {
        SearchResult empty = search(q(""));
        assertThat(empty.total()).isZero();
        assertThat(empty.hits()).isEmpty();
        assertThat(empty.facets().keySet()).containsExactlyInAnyOrderElementsOf(SearchResult.FACETS);
        assertThat(empty.facets().values()).allSatisfy(counts -> assertThat(counts).isEmpty());
        assertThat(search(q("档案")).total()).isZero();

        // an item with nothing but its id, classification, open status and year
        index.index(List.of(new SearchDocument("bare", null, null, null, null, 1980, null, Classification.NONE,
                OpenStatus.OPEN, null, null, null, null, null)));
        SearchResult bare = search(q("").sort(Sort.ARCHIVAL_CODE));
        assertThat(ids(bare)).containsExactly("bare");
        assertThat(bare.hits().get(0).date()).isNull();
        assertThat(bare.hits().get(0).year()).isEqualTo(1980);
        assertThat(bare.facets().get("fonds")).isEmpty();
        assertThat(bare.facets().get("year")).containsExactlyInAnyOrderEntriesOf(Map.of("1980", 1L));
        assertThat(search(q("").fonds("F1")).total()).isZero();
    }

    @Test
    void concurrentIndexingAndSearchingLoseNothing() throws Exception {
        int writers = 4;
        int batches = 8;
        int perBatch = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        int batch = b;
                        index.index(IntStream.range(0, perBatch)
                                .mapToObj(i -> doc("w" + writer + "-" + batch + "-" + i).title("并发写入测试").build())
                                .toList());
                        // what this thread has written is visible to it at once
                        assertThat(search(q("").fonds("F1").page(0, 1)).total())
                                .isGreaterThanOrEqualTo((long) (batch + 1) * perBatch);
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        SearchResult result = search(q("并发写入"));
                        assertThat(result.total()).isLessThanOrEqualTo(writers * batches * perBatch);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.count()).isEqualTo(writers * batches * perBatch);
        assertThat(search(q("并发写入")).total()).isEqualTo(writers * batches * perBatch);
    }

    @Test
    void aRebuildKeepsEverySearchWholeAndKeepsChangesMadeMeanwhile() throws Exception {
        int items = 3000;
        List<SearchDocument> catalogue = IntStream.range(0, items)
                .mapToObj(i -> doc("r" + i).title(i == 8 ? "待删除的旧条目" : "重建期间的文书" + i).build()).toList();
        List<SearchDocument> before = new ArrayList<>(catalogue);
        before.add(doc("gone").title("已从目录删除的条目").build());
        index.index(before);
        long whole = items + 1;

        java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService searcher = Executors.newSingleThreadExecutor();
        try {
            Future<?> searching = searcher.submit(() -> {
                while (rebuilding.get()) {
                    seen.add(search(q("").page(0, 1)).total());
                }
                return null;
            });
            try (SearchIndex.Rebuild rebuild = index.rebuild()) {
                for (int from = 0; from < items; from += 500) {
                    rebuild.add(catalogue.subList(from, from + 500));
                    if (from == 0) {
                        // the live indexer meanwhile: r7 and r8 change after the rebuild has read them (later batches
                        // carry the older copies), and a new item arrives
                        index.index(List.of(doc("r7").title("湿地公园管理处的批复").build(),
                                doc("rNew").title("重建期间新著录的条目").build()));
                        index.delete(List.of("r8"));
                    }
                }
                rebuild.swap();
            } finally {
                rebuilding.set(false);
            }
            searching.get(2, TimeUnit.MINUTES);
        } finally {
            searcher.shutdownNow();
        }

        assertThat(seen).as("searches made while the rebuild ran").isNotEmpty();
        assertThat(seen).as("every search during the rebuild saw the whole index, never a part")
                .allSatisfy(total -> assertThat(total).isBetween(whole - 1, whole + 1));
        assertThat(search(q("")).total()).as("the catalogue's %d items, r8 deleted, rNew added", items)
                .isEqualTo(items);
        assertThat(ids(search(q("湿地公园管理处")))).containsExactly("r7");
        assertThat(ids(search(q("重建期间新著录")))).containsExactly("rNew");
        assertThat(ids(search(q("待删除的旧条目")))).as("deleted while the rebuild ran").isEmpty();
        assertThat(ids(search(q("已从目录删除")))).as("an item gone from the catalogue is gone from the index").isEmpty();
        assertThat(index.count()).isEqualTo(items);
    }

    @Test
    void theDeepestPageOfferedAnswersCalmly() {
        index.index(List.of(doc("d1").build(), doc("d2").build()));
        SearchResult deepest = search(q("").page(SearchQuery.MAX_DEPTH / 100 - 1, 100));
        assertThat(deepest.total()).isEqualTo(2);
        assertThat(deepest.totalExact()).isTrue();
        assertThat(deepest.hits()).isEmpty();
        assertThat(deepest.facets().get("fonds")).containsExactlyInAnyOrderEntriesOf(Map.of("F1", 2L));
        assertThat(deepest.facetsExact()).isTrue();
    }

    /** Subjects, kinds and places of a district's documents, for the generated catalogue of the recall test. */
    private static final List<String> SUBJECTS = List.of("社会保险", "义务教育", "安全生产", "城市规划", "防汛抗旱",
            "土地征收", "环境保护", "医疗卫生", "殡葬改革", "危房改造", "退役军人安置", "最低生活保障", "食品安全",
            "农村公路建设", "老旧小区改造", "垃圾分类", "征兵", "人口普查", "扶贫开发", "消防安全");
    private static final List<String> PLACES = List.of("中山路街道", "解放路街道", "人民路社区", "建设街道",
            "和平里社区", "东关镇", "西城区", "北苑街道", "新华路", "红星村");
    private static final List<String> UNITS = List.of("区人民政府", "区教育局", "区人社局", "区应急管理局",
            "区民政局", "区卫健委", "区住建局");

    /** A catalogue of varied titles of the archive's kinds: 批复, 通知, 请示, 报告, 工作方案, 会议纪要, 总结 …. */
    private static List<String> generatedTitles(int count, Random random) {
        List<String> titles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
            String place = PLACES.get(random.nextInt(PLACES.size()));
            String unit = UNITS.get(random.nextInt(UNITS.size()));
            int year = 1985 + random.nextInt(39);
            titles.add(switch (random.nextInt(10)) {
                case 0 -> "关于" + subject + "的批复";
                case 1 -> unit + "关于" + place + subject + "的通知";
                case 2 -> "关于" + year + "年" + subject + "经费的请示";
                case 3 -> place + "关于" + subject + "情况的报告";
                case 4 -> "关于" + subject + "工作方案";
                case 5 -> unit + year + "年第" + (1 + random.nextInt(12)) + "次" + subject + "会议纪要";
                case 6 -> place + year + "年度" + subject + "工作总结";
                case 7 -> unit + "转发GB/T " + (9704 + random.nextInt(3)) + "《" + subject + "文件格式》的通知";
                case 8 -> "关于印发《" + place + subject + "实施细则》的通知";
                default -> year + "年" + unit + "关于" + subject + "的批复";
            });
        }
        return titles;
    }

    /** A random run of 2 to 8 characters of a title that starts and ends with a letter or digit. */
    private static String runOf(String title, Random random) {
        while (true) {
            int length = 2 + random.nextInt(Math.min(7, title.length() - 1));
            int start = random.nextInt(title.length() - length + 1);
            String run = title.substring(start, start + length);
            if (Character.isLetterOrDigit(run.charAt(0)) && Character.isLetterOrDigit(run.charAt(length - 1))
                    && run.chars().noneMatch(Character::isWhitespace)) {
                return run;
            }
        }
    }

    @Test
    void everyRunOfTwoOrMoreCharactersInATitleFindsEveryRecordHoldingIt() {
        Random random = new Random(20240607);
        List<String> titles = generatedTitles(3_000, random);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            docs.add(doc("g" + i).title(titles.get(i)).build());
        }
        for (int from = 0; from < docs.size(); from += 1_000) {
            index.index(docs.subList(from, Math.min(docs.size(), from + 1_000)));
        }
        // what a record holds that a typed run can be found in: its title and its creator (县档案馆 in the fixtures)
        List<List<String>> fields = docs.stream()
                .map(d -> List.of(d.title().toLowerCase(Locale.ROOT), d.creator())).toList();

        List<String> queries = new ArrayList<>(List.of("社会保险 批复", "义务教育 方案", "险的批", "GB/T 9705",
                "gb/t", "19年社会", "年第3次", "红星村2001年度"));
        for (int i = 0; i < 80; i++) {
            queries.add(runOf(titles.get(random.nextInt(titles.size())), random));
        }
        for (int i = 0; i < 40; i++) {
            queries.add(runOf(titles.get(random.nextInt(titles.size())), random) + " "
                    + runOf(titles.get(random.nextInt(titles.size())), random));
        }
        for (String query : queries) {
            List<String> parts = List.of(query.toLowerCase(Locale.ROOT).split(" "));
            Set<String> holding = new HashSet<>();
            for (int i = 0; i < docs.size(); i++) {
                List<String> values = fields.get(i);
                if (parts.stream().allMatch(p -> values.stream().anyMatch(v -> v.contains(p)))) {
                    holding.add(docs.get(i).id());
                }
            }
            long total = search(q(query).page(0, 1)).total();
            // records holding the parts as scattered words are found too; none holding the runs is left out
            assertThat(total).as("found for %s", query).isGreaterThanOrEqualTo(holding.size());
            if (total <= SearchQuery.MAX_SIZE) {
                assertThat(ids(search(q(query).page(0, SearchQuery.MAX_SIZE)))).as("found for %s", query)
                        .containsAll(holding);
            }
        }
    }

    @Test
    void twoRunsTypedApartFindTheTitleWhateverTheSegmentation() {
        index.index(List.of(doc("a").title("关于社会保险的批复").build(), doc("b").title("关于义务教育工作方案").build(),
                doc("c").title("关于社会保险工作方案").build()));

        assertThat(ids(search(q("社会保险 批复")))).containsExactly("a");
        assertThat(ids(search(q("义务教育 方案")))).containsExactly("b");
        assertThat(ids(search(q("险的批")))).containsExactly("a");
        assertThat(ids(search(q("2019年 社会保险")))).isEmpty();
    }

    @Test
    void anExactTitleRanksFirstAmongRecordsHoldingItsRuns() {
        List<SearchDocument> docs = new ArrayList<>(List.of(doc("exact").title("关于社会保险的批复").build()));
        for (int i = 0; i < 30; i++) {
            docs.add(doc("near" + i).title("关于社会保险的批复意见的报告（第" + i + "号）")
                    .text("社会保险 批复 社会保险 批复 关于 的").build());
            docs.add(doc("words" + i).title("社会 保险 关于 批复 的 " + i)
                    .text("关于社会保险 的批复 社会保险的 批复 社会保险").build());
        }
        index.index(docs);

        SearchResult result = search(q("关于社会保险的批复"));

        assertThat(result.total()).isGreaterThan(30);
        assertThat(result.hits().get(0).id()).isEqualTo("exact");
    }

    @Test
    void aRunIsMarkedAsOneWhetherFoundAsWordsOrAsCharacters() {
        index.index(List.of(doc("m").title("关于社会保险的批复")
                .text("区人社局报送的社会保险基金预算，经研究批复如下。")
                .fullText("第一页：社会保险基金。第二页：GB/T 9704格式。" + "无关的正文。".repeat(2_000)
                        + "末页：险的批注。").build()));

        SearchHit byRuns = search(q("社会保险 批复")).hits().get(0);
        assertThat(byRuns.highlights().get("title")).isEqualTo("关于<em>社会保险</em>的<em>批复</em>");
        assertThat(byRuns.highlights().get("text")).contains("<em>社会保险</em>").contains("<em>批复</em>");

        SearchHit acrossWords = search(q("险的批")).hits().get(0);
        assertThat(acrossWords.highlights().get("title")).isEqualTo("关于社会保<em>险的批</em>复");
        assertThat(acrossWords.highlights().get("fullText")).contains("<em>险的批</em>");

        SearchHit latin = search(q("gb/t")).hits().get(0);
        assertThat(latin.highlights().get("fullText")).containsPattern("<em>GB(/|&#x2F;|&#47;)T</em>");
        SearchHit joined = search(q("社会 保险")).hits().get(0);
        assertThat(joined.highlights().get("title")).contains("<em>社会保险</em>").doesNotContain("</em><em>");
    }

    @Test
    void theLongestQueryAllowedIsAnsweredCalmly() {
        index.index(List.of(doc("l").title("关于社会保险的批复").build()));
        // the longest text a search takes (a longer one is refused before it reaches an engine), as one run or parts
        String longRun = "社会保险的批复".repeat(SearchQuery.MAX_TEXT).substring(0, SearchQuery.MAX_TEXT);
        String manyParts = "社会 保险 ".repeat(SearchQuery.MAX_TEXT / 6);

        assertThatCode(() -> search(q(longRun))).doesNotThrowAnyException();
        assertThatCode(() -> search(q(manyParts))).doesNotThrowAnyException();
        assertThat(ids(search(q(manyParts)))).containsExactly("l");
        assertThat(ids(search(q("险")))).as("one character is looked up as a word").isEmpty();
    }

    // issue 11: words inside scans ------------------------------------------------------------------------------------

    @Test
    void wordsReadInAScannedPageAreFoundAndTheHitNamesTheFirstPageHoldingThem() {
        index.index(List.of(
                doc("scan").title("区政府文件汇集").scanPages("区人民政府办公室\n二〇一九年三月",
                        "关于社会保险的批复\n同意你局所报方案", "附件：参保人员名单").build(),
                doc("plain").title("社会保险工作总结").build(),
                doc("other").title("会议记录").scanPages("城市规划意见", "", "").build()));

        SearchResult found = search(q("社会保险的批复"));
        assertThat(ids(found)).containsExactly("scan");
        SearchHit hit = found.hits().get(0);
        assertThat(hit.page()).isEqualTo(2);
        assertThat(hit.highlights().get("scanText")).contains("<em>").contains("批复");

        assertThat(search(q("参保人员")).hits().get(0).page()).as("a run on the last page").isEqualTo(3);
        SearchResult fromTitle = search(q("社会保险工作总结"));
        assertThat(fromTitle.hits()).extracting(SearchHit::id).containsExactly("plain");
        assertThat(fromTitle.hits().get(0).page()).as("a hit not from the scans names no page").isNull();
    }

    @Test
    void aPhraseTesseractReadOnPageTwoOfThreeIsFoundAndNamesPageTwo() {
        if (!cn.lantai.support.TesseractAvailable.available() && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            System.out.println("SKIPPED: no tesseract with chi_sim or no CJK font; the engine's OCR search test skipped");
            org.junit.jupiter.api.Assumptions.assumeTrue(false);
        }
        var tesseract = new cn.lantai.digitization.internal.ocr.TesseractEngine("tesseract", "chi_sim",
                java.time.Duration.ofMinutes(2));
        List<String> pages = new ArrayList<>();
        for (String[] page : new String[][] {{"区劳动局文件", "二〇一九年三月十二日印发，共三页。"},
                {"关于退休职工养老金调整的批复", "同意你局所报养老金调整方案，请认真组织实施。"},
                {"附件", "参加调整人员名单另附。"}}) {
            pages.add(tesseract.read(cn.lantai.support.ScanRenderer.a4(page[0], List.of(page[1]), 16f, 300, false, 1)
                    .image(), 300).text());
        }
        index.index(List.of(doc("ocr").title("区劳动局文件（扫描件）").scanPages(pages.toArray(String[]::new)).build()));

        SearchResult found = search(q("养老金调整方案"));
        assertThat(ids(found)).containsExactly("ocr");
        assertThat(found.hits().get(0).page()).isEqualTo(2);
    }

    @Test
    void scanTextObeysClearanceAndOpenStatusLikeTheRestOfTheRecord() {
        index.index(List.of(
                doc("secret").classification(Classification.SECRET).scanPages("征地补偿协议书").build(),
                doc("closed").openStatus(OpenStatus.CONTROLLED).scanPages("征地补偿协议书").build(),
                doc("open").scanPages("", "征地补偿协议书").build()));

        assertThat(ids(search(q("征地补偿").viewer(PUBLIC)))).containsExactly("open");
        assertThat(ids(search(q("征地补偿").viewer(CONFIDENTIAL_STAFF)))).containsExactlyInAnyOrder("open", "closed");
        assertThat(search(q("征地补偿").viewer(PUBLIC)).hits().get(0).page()).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private SearchResult search(Q q) {
        return index.search(q.build());
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }
}
