package cn.lantai.search.internal.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.SearchDocument;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;

/**
 * The title-phrase rule at archive scale: 100,000 generated titles, each combination of 公社, year, topic and kind
 * present twice — once as a phrase, once with the same words reordered — and batches of 2,000 as the rebuild job
 * sends them. About 20 s, so only on request: {@code ./mvnw -Dtest=LuceneSearchIndexScaleTest
 * -Dlantai.scaleTests=true test}.
 */
@EnabledIfSystemProperty(named = "lantai.scaleTests", matches = "true")
class LuceneSearchIndexScaleTest {

    private static final Viewer ARCHIVIST = Viewer.staff("archivist", Classification.TOP_SECRET, true);

    @TempDir
    Path dir;

    @Test
    void aChinesePhraseFromOneTitleFindsThatItemFirstAmongAHundredThousand() {
        String[] places = ("红旗,东风,胜利,前进,和平,光明,新华,向阳,团结,幸福,建设,永丰,长征,跃进,红星,东方,朝阳,先锋,东升,"
                + "解放,民主,人民,爱国,五一,八一,太平,安乐,丰收,兴隆,富强,长青,东海,西湖,南山,北岭,金沙,银河,清水,白云,青松")
                .split(",");
        String[] topics = ("水利建设,农业生产,粮食征购,民兵训练,卫生防疫,扫盲教育,植树造林,交通运输,财务收支,人口普查,工业生产,"
                + "商业供销,文化教育,计划生育,信访工作,干部任免,党员发展,安全生产,土地调查,档案整理").split(",");
        String[] kinds = {"报告", "请示", "通知", "总结", "批复", "意见"};
        try (LuceneSearchIndex index = new LuceneSearchIndex(dir)) {
            List<SearchDocument> batch = new ArrayList<>();
            int n = 0;
            long started = System.nanoTime();
            for (int year = 1950; n < 100_000; year++) {
                for (String place : places) {
                    for (String topic : topics) {
                        for (String kind : kinds) {
                            for (String title : List.of("关于" + place + "公社" + year + "年" + topic + "情况的" + kind,
                                    "关于" + topic + "情况的" + kind + "（" + year + "年，" + place + "公社）")) {
                                batch.add(new SearchDocument("d" + n, "A-" + n, title, "F" + n % 7, "WS", year, "永久",
                                        Classification.NONE, OpenStatus.OPEN, null, "县委",
                                        place + "公社革命委员会 " + topic, null, null));
                                n++;
                                if (batch.size() == 2000) {
                                    index.index(batch);
                                    batch.clear();
                                }
                            }
                        }
                    }
                }
            }
            index.index(batch);
            System.out.printf("indexed %d documents in %d ms%n", index.count(),
                    (System.nanoTime() - started) / 1_000_000);

            for (String phrase : List.of("东风公社1959年粮食征购情况的请示", "青松公社1952年档案整理情况的批复",
                    "光明公社1957年人口普查")) {
                SearchResult result = index.search(SearchQuery.of(phrase, ARCHIVIST));
                assertThat(result.total()).as(phrase).isGreaterThan(1);
                assertThat(result.hits().get(0).title()).as(phrase).contains(phrase);
            }
        }
    }
}
