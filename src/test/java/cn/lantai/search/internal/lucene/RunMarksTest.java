package cn.lantai.search.internal.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How the typed runs are marked in what a hit shows. */
class RunMarksTest {

    @Test
    void touchingAndOverlappingRunsReadAsOneMarkAndEverythingElseIsText() {
        RunMarks marks = new RunMarks(List.of("社会保险", "保险的", "批复"));
        assertThat(marks.whole("关于社会保险的批复<script>alert('x')</script>"))
                .isEqualTo("关于<em>社会保险的批复</em>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        assertThat(marks.whole("关于义务教育的通知")).as("no run, no highlight").isNull();
    }

    @Test
    void lettersMatchWhateverTheirCaseOrWidthAsTheIndexFoldsThem() {
        RunMarks marks = new RunMarks(List.of("gb/t 9705"));
        assertThat(marks.whole("按ＧＢ／Ｔ　９７０５整理")).isEqualTo("按<em>ＧＢ／Ｔ　９７０５</em>整理");
    }

    @Test
    void aLongTextGivesPassagesAroundItsFirstMarksStartingAtASentence() {
        String filler = "这是一段与检索无关的说明文字。".repeat(40);
        String text = filler + "第二次会议研究了危房改造的补助标准。" + filler + "危房改造验收合格。" + filler;
        String shown = new RunMarks(List.of("危房改造")).passages(text, 2);
        assertThat(shown).startsWith("第二次会议研究了<em>危房改造</em>的补助标准。").contains("… ")
                .contains("<em>危房改造</em>验收合格。");
        assertThat(shown.length()).isLessThan(2 * RunMarks.FRAGMENT_CHARS + 40);
    }
}
