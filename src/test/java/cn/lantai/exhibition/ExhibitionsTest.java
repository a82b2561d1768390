package cn.lantai.exhibition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Online exhibitions and compilations through their services, as a curator (role 编研展览) uses them: the workflow
 * from draft to withdrawn, every refusal, the public's sight of records checked when adding, publishing and serving,
 * the visits counted once per visitor and archive day, compilation projects, and the year's figures recomputed from
 * the rows of a simulated year.
 */
@LantaiTest
class ExhibitionsTest {

    private static final String CURATOR = "curator-exhibitions";
    private static final String AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Exhibitions exhibitions;
    @Autowired
    PublicExhibitions portal;
    @Autowired
    Compilations compilations;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    PageLedger ledger;
    @Autowired
    AuditTrail trail;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private ExhibitRecords records;
    private final Viewer viewer = new Viewer(CURATOR, "10.0.0.7", Classification.NONE, false, null, null);

    @BeforeEach
    void records() {
        staff.ensure(CURATOR, "策展员", null, Classification.NONE, List.of("CURATION"));
        records = new ExhibitRecords(catalog, store, ledger, dir);
    }

    @Test
    void aCuratorBuildsPreviewsPublishesAndWithdrawsAnExhibitionOfOpenRecords() {
        long id = as(() -> exhibitions.create(new ExhibitionDraft("founding-" + records.fonds.toLowerCase(),
                "区政府成立七十五周年档案展", "从布告到决议", "前言：\n档案见证历史。", code(records.scanned), 2),
                viewer)).id();
        long first = as(() -> exhibitions.addSection(id, "建政", "1949 年", viewer));
        long second = as(() -> exhibitions.addSection(id, "代表会议", null, viewer));
        long byCode = as(() -> exhibitions.addExhibit(id, first, code(records.scanned), "区人民政府成立布告", 1, viewer));
        long byId = as(() -> exhibitions.addExhibit(id, second, records.open.id().toString(), "第一届代表会议决议",
                null, viewer));
        long gone = as(() -> exhibitions.addExhibit(id, second, records.open.id().toString(), "将被移除", null, viewer));
        as(() -> {
            exhibitions.removeExhibit(id, gone, viewer);
            exhibitions.moveSection(id, second, true, viewer);
            return null;
        });
        Exhibition draft = as(() -> exhibitions.exhibition(id));
        assertThat(draft.state()).isEqualTo(ExhibitionState.DRAFT);
        assertThat(draft.sections()).extracting(Exhibition.Section::title).containsExactly("代表会议", "建政");
        assertThat(draft.sections().get(0).exhibits()).extracting(Exhibition.Exhibit::id).containsExactly(byId);
        assertThat(draft.sections().get(1).exhibits()).extracting(Exhibition.Exhibit::id).containsExactly(byCode);
        assertThat(portalAnswers(draft.address())).as("a draft is not on the portal").isFalse();

        PublicExhibition preview = as(() -> exhibitions.preview(id));
        assertThat(preview.cover()).isEqualTo("/iiif/3/" + records.scanned.id() + "-2/full/!600,600/0/default.jpg");
        PublicExhibition.Exhibit shown = preview.sections().get(1).exhibits().get(0);
        assertThat(shown.caption()).isEqualTo("区人民政府成立布告");
        assertThat(shown.title()).isEqualTo(records.scanned.title());
        assertThat(shown.archivalCode()).isEqualTo(records.scanned.archivalCode());
        assertThat(shown.image()).isEqualTo("/iiif/3/" + records.scanned.id() + "-1/full/!600,600/0/default.jpg");
        assertThat(preview.sections().get(0).exhibits().get(0).image()).as("no page chosen").isNull();
        assertThat(preview.toString()).doesNotContain("馆内备注勿外传");

        Exhibition published = as(() -> exhibitions.publish(id, viewer));
        assertThat(published.state()).isEqualTo(ExhibitionState.PUBLISHED);
        assertThat(published.firstPublishedOn()).isEqualTo(LocalDate.now(SHANGHAI));
        assertThat(portal.exhibition(published.address())).isEqualTo(preview);
        assertThat(portal.exhibition(Long.toString(id))).isEqualTo(preview);
        assertThat(portal.published()).extracting(PublicExhibition::id).contains(id);

        as(() -> exhibitions.withdraw(id, viewer));
        assertThat(portalAnswers(published.address())).as("a withdrawn exhibition answers 404").isFalse();
        assertThat(portal.published()).extracting(PublicExhibition::id).doesNotContain(id);
        Exhibition again = as(() -> exhibitions.publish(id, viewer));
        assertThat(again.firstPublishedOn()).as("kept from the first publication").isEqualTo(
                published.firstPublishedOn());

        List<String> audited = staff.asAuditor(() -> trail.entries(new AuditQuery(CURATOR, null, "exhibition:" + id,
                null, null), 0, 100)).entries().stream().map(AuditEntry::action).toList();
        assertThat(audited).contains("exhibition.create", "exhibition.section-add", "exhibition.exhibit-add",
                "exhibition.exhibit-remove", "exhibition.section-move", "exhibition.publish", "exhibition.withdraw");
    }

    @Test
    void everyBadStepIsRefusedWithItsReasonAndNothingHalfWritten() {
        long id = as(() -> exhibitions.create(new ExhibitionDraft(null, "拒绝测试", null, null, null, null), viewer))
                .id();
        refused("exhibition.publish.no-sections", () -> as(() -> exhibitions.publish(id, viewer)));
        long section = as(() -> exhibitions.addSection(id, "空单元", null, viewer));
        refused("exhibition.publish.empty-section", () -> as(() -> exhibitions.publish(id, viewer)));

        refused("exhibition.exhibit.not-open", () -> add(id, section, records.controlled.id().toString()));
        refused("exhibition.exhibit.not-open", () -> add(id, section, code(records.secret)));
        refused("exhibition.exhibit.not-open", () -> add(id, section, "999999999999"));
        refused("exhibition.exhibit.not-open", () -> add(id, section, records.fonds + "-WS·1999-Y-BGS-0001"));
        refused("exhibition.record.bad-reference", () -> add(id, section, "<script>alert(1)</script>"));
        refused("exhibition.record.bad-reference", () -> add(id, section, "1".repeat(101)));
        refused("exhibition.record.bad-reference", () -> add(id, section, "  "));
        refused("exhibition.exhibit.no-page", () -> as(() -> exhibitions.addExhibit(id, section,
                code(records.scanned), "第三页", 3, viewer)));
        refused("exhibition.exhibit.no-page", () -> as(() -> exhibitions.addExhibit(id, section,
                code(records.open), "未扫描", 1, viewer)));
        refused("exhibition.exhibit.no-page", () -> as(() -> exhibitions.addExhibit(id, section,
                code(records.scanned), "零页", 0, viewer)));
        refused("exhibition.exhibit.bad-caption", () -> as(() -> exhibitions.addExhibit(id, section,
                code(records.open), " ", null, viewer)));
        refused("exhibition.exhibit.bad-caption", () -> as(() -> exhibitions.addExhibit(id, section,
                code(records.open), "长".repeat(2001), null, viewer)));
        refused("exhibition.exhibit.bad-caption", () -> as(() -> exhibitions.addExhibit(id, section,
                code(records.open), "响铃\u0007", null, viewer)));
        refused("exhibition.section.not-found", () -> as(() -> exhibitions.addExhibit(id, Long.MAX_VALUE,
                code(records.open), "说明", null, viewer)));
        assertThat(as(() -> exhibitions.exhibition(id)).exhibitCount()).as("nothing half written").isZero();

        refused("exhibition.bad-title", () -> as(() -> exhibitions.update(id, new ExhibitionDraft(null,
                "题".repeat(101), null, null, null, null), viewer)));
        refused("exhibition.bad-introduction", () -> as(() -> exhibitions.update(id, new ExhibitionDraft(null,
                "题", null, "言".repeat(4001), null, null), viewer)));
        refused("exhibition.bad-slug", () -> as(() -> exhibitions.update(id, new ExhibitionDraft("../etc", "题",
                null, null, null, null), viewer)));
        refused("exhibition.bad-slug", () -> as(() -> exhibitions.update(id, new ExhibitionDraft("12345", "题",
                null, null, null, null), viewer)));
        refused("exhibition.exhibit.not-open", () -> as(() -> exhibitions.update(id, new ExhibitionDraft(null,
                "题", null, null, code(records.secret), null), viewer)));
        refused("exhibition.cover-unscanned", () -> as(() -> exhibitions.update(id, new ExhibitionDraft(null,
                "题", null, null, code(records.open), null), viewer)));
        String slug = "taken-" + records.fonds.toLowerCase();
        as(() -> exhibitions.create(new ExhibitionDraft(slug, "占用短名", null, null, null, null), viewer));
        refused("exhibition.slug-taken", () -> as(() -> exhibitions.update(id, new ExhibitionDraft(slug, "题",
                null, null, null, null), viewer)));
        refused("exhibition.section.bad-title", () -> as(() -> exhibitions.addSection(id, "", null, viewer)));
        assertThat(as(() -> exhibitions.exhibition(id)).title()).isEqualTo("拒绝测试");

        add(id, section, code(records.open));
        refused("exhibition.not-published", () -> as(() -> exhibitions.withdraw(id, viewer)));
        as(() -> exhibitions.publish(id, viewer));
        refused("exhibition.published", () -> as(() -> exhibitions.publish(id, viewer)));
        refused("exhibition.published", () -> as(() -> exhibitions.addSection(id, "发布后", null, viewer)));
        refused("exhibition.not-found", () -> as(() -> exhibitions.exhibition(Long.MAX_VALUE)));
        refused("exhibition.not-found", () -> portal.exhibition("no-such-exhibition"));
        refused("exhibition.not-found", () -> portal.exhibition("x".repeat(500)));

        staff.ensure("archivist-not-curator", "档案员", null, Classification.TOP_SECRET, List.of("CATALOGUING"));
        assertThatThrownBy(() -> staff.as("archivist-not-curator", () -> exhibitions.exhibitions()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.as("archivist-not-curator", () -> compilations.plan(new CompilationPlan(
                "无权", CompilationKind.CHRONICLE, null, null, null, null), viewer)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRecordClosedOrClassifiedAfterPublishingDisappearsFromThePublicPage() {
        long id = as(() -> exhibitions.create(new ExhibitionDraft(null, "关闭测试", null, null, null, null), viewer))
                .id();
        long section = as(() -> exhibitions.addSection(id, "单元", null, viewer));
        add(id, section, code(records.scanned));
        add(id, section, code(records.open));
        as(() -> exhibitions.publish(id, viewer));
        assertThat(portal.exhibition(Long.toString(id)).sections().get(0).exhibits()).hasSize(2);

        records.close(records.open);
        List<PublicExhibition.Exhibit> left = portal.exhibition(Long.toString(id)).sections().get(0).exhibits();
        assertThat(left).extracting(PublicExhibition.Exhibit::item).containsExactly(records.scanned.id().value());
        assertThat(portal.exhibition(Long.toString(id)).toString()).doesNotContain(records.open.title());
        assertThat(as(() -> exhibitions.exhibition(id)).sections().get(0).exhibits())
                .extracting(Exhibition.Exhibit::open).containsExactly(true, false);

        records.classify(records.scanned);
        assertThat(portal.exhibition(Long.toString(id)).sections().get(0).exhibits()).isEmpty();
        as(() -> exhibitions.withdraw(id, viewer));
        refused("exhibition.publish.not-open", () -> as(() -> exhibitions.publish(id, viewer)));
    }

    @Test
    void aVisitorCountsOncePerExhibitionAndArchiveDayAndBotsNotAtAll() {
        long id = publishedExhibition();
        Instant morning = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
        assertThat(portal.countVisit(id, "203.0.113.5", AGENT, false, morning)).isTrue();
        assertThat(portal.countVisit(id, "203.0.113.5", AGENT, false, morning.plusSeconds(1))).as("a reload")
                .isFalse();
        assertThat(portal.countVisit(id, "203.0.113.5", AGENT, false, morning.plusSeconds(14 * 3600 + 59 * 60)))
                .as("23:59 in Shanghai: still the same archive day").isFalse();
        assertThat(portal.countVisit(id, "203.0.113.5", AGENT, false, morning.plusSeconds(15 * 3600)))
                .as("00:00 in Shanghai (16:00 UTC): the next archive day").isTrue();
        assertThat(portal.countVisit(id, "203.0.113.6", AGENT, false, morning)).isTrue();
        assertThat(portal.countVisit(id, "203.0.113.5", "Firefox/128", false, morning))
                .as("another browser name from the same address that day").isFalse();
        for (int n = 0; n < 5; n++) {
            assertThat(portal.countVisit(id, "203.0.113.5", "Mozilla/5.0 forged-" + n, false, morning)).isFalse();
        }
        assertThat(portal.countVisit(id, "203.0.113.7", "Mozilla/5.0 (compatible; Googlebot/2.1)", false, morning))
                .isFalse();
        assertThat(portal.countVisit(id, "203.0.113.7", AGENT, true, morning)).as("a prefetch").isFalse();
        assertThat(portal.countVisit(id, "203.0.113.7", null, false, morning)).isFalse();
        assertThat(as(() -> exhibitions.exhibition(id)).visits()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exhibition_visit WHERE exhibition_id = ?").param(id)
                .query(Long.class).single()).as("one row per address and day").isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exhibition_visit WHERE visitor LIKE '%203.0.113%'")
                .query(Long.class).single()).as("no address kept").isZero();
    }

    @Test
    void compilationProjectsGoFromPlanToOutputAndRefuseNonsense() {
        Compilation c = as(() -> compilations.plan(new CompilationPlan("区大事记（2025）", CompilationKind.CHRONICLE,
                "张三、李四", "全年大事", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)), viewer));
        assertThat(c.state()).isEqualTo(CompilationState.PLANNED);
        as(() -> compilations.addSource(c.id(), code(records.open), null, viewer));
        long book = as(() -> compilations.addSource(c.id(), null, "《区志（1990）》", viewer));
        as(() -> {
            compilations.removeSource(c.id(), book, viewer);
            return null;
        });
        refused("exhibition.compilation.unknown-source", () -> as(() -> compilations.addSource(c.id(),
                "999999999999", null, viewer)));
        refused("exhibition.compilation.unknown-source", () -> as(() -> compilations.addSource(c.id(),
                code(records.secret), null, viewer)));
        refused("exhibition.compilation.unknown-source", () -> as(() -> compilations.addSource(c.id(),
                records.controlled.id().toString(), null, viewer))); // beyond a curator's sight (未开放)
        refused("exhibition.record.bad-reference", () -> as(() -> compilations.addSource(c.id(), "不是档号", null,
                viewer)));
        refused("exhibition.compilation.bad-source", () -> as(() -> compilations.addSource(c.id(), null, null,
                viewer)));
        refused("exhibition.compilation.bad-source", () -> as(() -> compilations.addSource(c.id(), null,
                "书".repeat(501), viewer)));
        refused("exhibition.compilation.bad-title", () -> as(() -> compilations.plan(new CompilationPlan(
                "题".repeat(201), CompilationKind.COMPILATION, null, null, null, null), viewer)));
        refused("exhibition.compilation.bad-kind", () -> as(() -> compilations.plan(new CompilationPlan("无类型",
                null, null, null, null, null), viewer)));
        refused("exhibition.compilation.bad-summary", () -> as(() -> compilations.plan(new CompilationPlan("提要",
                CompilationKind.COMPILATION, null, "要".repeat(4001), null, null), viewer)));
        refused("exhibition.compilation.bad-dates", () -> as(() -> compilations.plan(new CompilationPlan("倒置",
                CompilationKind.COMPILATION, null, null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1)),
                viewer)));
        refused("exhibition.compilation.bad-dates", () -> as(() -> compilations.plan(new CompilationPlan("远古",
                CompilationKind.COMPILATION, null, null, LocalDate.of(1066, 1, 1), null), viewer)));
        refused("exhibition.compilation.not-in-progress", () -> as(() -> compilations.finish(c.id(), 1,
                BigDecimal.ONE, null, viewer)));

        as(() -> compilations.start(c.id(), viewer));
        refused("exhibition.compilation.not-planned", () -> as(() -> compilations.start(c.id(), viewer)));
        refused("exhibition.compilation.no-output", () -> as(() -> compilations.finish(c.id(), null, null, null,
                viewer)));
        refused("exhibition.compilation.no-output", () -> as(() -> compilations.finish(c.id(), 0, BigDecimal.ONE,
                null, viewer)));
        refused("exhibition.compilation.bad-titles", () -> as(() -> compilations.finish(c.id(), -3,
                BigDecimal.ONE, null, viewer)));
        refused("exhibition.compilation.bad-titles", () -> as(() -> compilations.finish(c.id(), 1_000_000,
                BigDecimal.ONE, null, viewer)));
        refused("exhibition.compilation.bad-wan-chars", () -> as(() -> compilations.finish(c.id(), 1,
                new BigDecimal("-2.5"), null, viewer)));
        refused("exhibition.compilation.bad-wan-chars", () -> as(() -> compilations.finish(c.id(), 1,
                new BigDecimal("12.345"), null, viewer)));
        refused("exhibition.compilation.bad-wan-chars", () -> as(() -> compilations.finish(c.id(), 1,
                new BigDecimal("99999999"), null, viewer)));
        refused("exhibition.compilation.bad-finish-date", () -> as(() -> compilations.finish(c.id(), 1,
                BigDecimal.ONE, LocalDate.now(SHANGHAI).plusDays(1), viewer)));
        assertThat(as(() -> compilations.compilation(c.id(), viewer)).state()).as("nothing half written")
                .isEqualTo(CompilationState.IN_PROGRESS);

        Compilation done = as(() -> compilations.finish(c.id(), 2, new BigDecimal("12.50"), null, viewer));
        assertThat(done.state()).isEqualTo(CompilationState.FINISHED);
        assertThat(done.finishedOn()).isEqualTo(LocalDate.now(SHANGHAI));
        assertThat(done.wanChars()).isEqualByComparingTo("12.5");
        assertThat(done.sources()).extracting(Compilation.Source::item).containsExactly(records.open.id().value());
        refused("exhibition.compilation.closed", () -> as(() -> compilations.cancel(c.id(), viewer)));
        refused("exhibition.compilation.closed", () -> as(() -> compilations.addSource(c.id(), null, "迟到的来源",
                viewer)));

        Compilation other = as(() -> compilations.plan(new CompilationPlan("组织机构沿革",
                CompilationKind.ORGANISATION_HISTORY, null, null, null, null), viewer));
        assertThat(as(() -> compilations.cancel(other.id(), viewer)).state()).isEqualTo(CompilationState.CANCELLED);
    }

    @Test
    void theYearsFiguresAreRecomputedFromTheRowsOfASimulatedYear() {
        int year = 1800 + ThreadLocalRandom.current().nextInt(90);
        long before = publishedExhibition();
        long inFirst = publishedExhibition();
        long inLast = publishedExhibition();
        long after = publishedExhibition();
        firstPublished(before, LocalDate.of(year - 1, 12, 31));
        firstPublished(inFirst, LocalDate.of(year, 1, 1));
        firstPublished(inLast, LocalDate.of(year, 12, 31));
        firstPublished(after, LocalDate.of(year + 1, 1, 1));
        Instant newYear = LocalDate.of(year, 1, 1).atStartOfDay(SHANGHAI).toInstant();
        Instant nextNewYear = LocalDate.of(year + 1, 1, 1).atStartOfDay(SHANGHAI).toInstant();
        portal.countVisit(inFirst, "198.51.100.1", AGENT, false, newYear.minusSeconds(60)); // previous year
        portal.countVisit(inFirst, "198.51.100.1", AGENT, false, newYear); // 16:00 UTC of Dec 31: counted
        portal.countVisit(inFirst, "198.51.100.2", AGENT, false, newYear.plusSeconds(3600));
        portal.countVisit(inLast, "198.51.100.1", AGENT, false, nextNewYear.minusSeconds(1)); // counted
        portal.countVisit(inLast, "198.51.100.1", AGENT, false, nextNewYear); // next year
        finished(LocalDate.of(year - 1, 12, 31), 5, "3.00");
        finished(LocalDate.of(year, 1, 1), 2, "12.25");
        finished(LocalDate.of(year, 12, 31), 1, "0.75");
        finished(LocalDate.of(year + 1, 1, 1), 7, "9.00");

        ExhibitionYear figures = exhibitions.year(year);
        assertThat(figures).isEqualTo(recomputed(year));
        assertThat(figures.exhibitionsPublished()).isGreaterThanOrEqualTo(2);
        assertThat(figures.visitors()).isGreaterThanOrEqualTo(3);
        assertThat(figures.compilationsFinished()).isGreaterThanOrEqualTo(2);
        assertThat(figures.compilationTitles()).isGreaterThanOrEqualTo(3);
        assertThat(figures.compilationWanChars()).isGreaterThanOrEqualTo(new BigDecimal("13.00"));
        assertThat(exhibitions.year(1700)).isEqualTo(new ExhibitionYear(1700, 0, 0, 0, 0, new BigDecimal("0.00")));
    }

    /** The year's figures counted in Java from every row, not by the service's queries. */
    private ExhibitionYear recomputed(int year) {
        long published = jdbc.sql("SELECT first_published_on FROM exhibition_exhibition "
                + "WHERE first_published_on IS NOT NULL").query(LocalDate.class).list().stream()
                .filter(d -> d.getYear() == year).count();
        long visits = jdbc.sql("SELECT visit_day FROM exhibition_visit").query(LocalDate.class).list().stream()
                .filter(d -> d.getYear() == year).count();
        List<Map<String, Object>> done = jdbc.sql("SELECT finished_on, titles, wan_chars FROM exhibition_compilation "
                + "WHERE state = 'FINISHED'").query().listOfRows().stream()
                .filter(r -> ((Date) r.get("FINISHED_ON")).toLocalDate().getYear() == year).toList();
        long titles = done.stream().mapToLong(r -> ((Number) r.get("TITLES")).longValue()).sum();
        BigDecimal wan = done.stream().map(r -> (BigDecimal) r.get("WAN_CHARS")).reduce(new BigDecimal("0.00"),
                BigDecimal::add);
        return new ExhibitionYear(year, published, visits, done.size(), titles, wan);
    }

    private void firstPublished(long exhibition, LocalDate day) {
        jdbc.sql("UPDATE exhibition_exhibition SET first_published_on = ? WHERE id = ?").params(day, exhibition)
                .update();
    }

    /** A project finished through the service, its day of finishing then moved into the simulated calendar. */
    private void finished(LocalDate day, int titles, String wan) {
        long id = as(() -> compilations.plan(new CompilationPlan("模拟年度编研 " + day, CompilationKind.COMPILATION,
                null, null, null, null), viewer)).id();
        as(() -> compilations.start(id, viewer));
        as(() -> compilations.finish(id, titles, new BigDecimal(wan), null, viewer));
        jdbc.sql("UPDATE exhibition_compilation SET started_on = ?, finished_on = ? WHERE id = ?")
                .params(day, day, id).update();
    }

    private long publishedExhibition() {
        long id = as(() -> exhibitions.create(new ExhibitionDraft(null, "计数展览", null, null, null, null), viewer))
                .id();
        long section = as(() -> exhibitions.addSection(id, "单元", null, viewer));
        add(id, section, code(records.open));
        as(() -> exhibitions.publish(id, viewer));
        return id;
    }

    private long add(long id, long section, String record) {
        return as(() -> exhibitions.addExhibit(id, section, record, "说明", null, viewer));
    }

    private static String code(Item item) {
        return item.archivalCode();
    }

    @Test
    void aSourceBeyondACuratorsClearanceShowsNeitherItsIdNorItsArchivalCode() {
        String senior = "curator-secret";
        staff.ensure(senior, "资深策展员", null, Classification.SECRET, List.of("CURATION"));
        Viewer cleared = Viewer.staff(senior, Classification.SECRET, false);
        long id = staff.as(senior, () -> compilations.plan(new CompilationPlan("保密工作史料 " + records.fonds,
                CompilationKind.COMPILATION, null, null, null, null), cleared)).id();
        staff.as(senior, () -> compilations.addSource(id, records.secret.id().toString(), null, cleared));
        staff.as(senior, () -> compilations.addSource(id, code(records.open), null, cleared));

        Compilation seen = staff.as(senior, () -> compilations.compilation(id, cleared));
        assertThat(seen.sources()).extracting(Compilation.Source::archivalCode)
                .containsExactlyInAnyOrder(records.secret.archivalCode(), records.open.archivalCode());
        assertThat(seen.sources()).noneMatch(Compilation.Source::concealed);

        Compilation unseen = as(() -> compilations.compilation(id, viewer));
        assertThat(unseen.sources()).hasSize(2);
        Compilation.Source hidden = unseen.sources().stream().filter(Compilation.Source::concealed).findFirst()
                .orElseThrow();
        assertThat(hidden.item()).isNull();
        assertThat(hidden.archivalCode()).isNull();
        assertThat(unseen.sources()).extracting(Compilation.Source::archivalCode)
                .containsOnly(null, records.open.archivalCode());
        Compilation listed = as(() -> compilations.compilations(viewer)).stream().filter(c -> c.id() == id)
                .findFirst().orElseThrow();
        assertThat(listed.sources()).extracting(Compilation.Source::item)
                .containsOnly(null, records.open.id().value());
        // the curator who may not see it can still take it off the project, by the source's own id
        as(() -> {
            compilations.removeSource(id, hidden.id(), viewer);
            return null;
        });
        assertThat(staff.as(senior, () -> compilations.compilation(id, cleared)).sources())
                .extracting(Compilation.Source::item).containsExactly(records.open.id().value());
    }

    private <T> T as(Supplier<T> work) {
        return staff.as(CURATOR, work);
    }

    private boolean portalAnswers(String address) {
        try {
            portal.exhibition(address);
            return true;
        } catch (ExhibitionProblem e) {
            assertThat(e.status()).isEqualTo(404);
            return false;
        }
    }

    private static void refused(String key, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ExhibitionProblem.class,
                p -> assertThat(p.key()).isEqualTo(key));
    }
}
