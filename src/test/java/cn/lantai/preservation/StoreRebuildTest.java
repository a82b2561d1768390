package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogRestore;
import cn.lantai.catalog.CatalogVolumes;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.NewVolume;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Volume;
import cn.lantai.catalog.VolumeChange;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.internal.rebuild.CatalogueRebuild;
import cn.lantai.preservation.internal.rebuild.RebuildCommand;
import cn.lantai.preservation.internal.store.CatalogueObject;
import cn.lantai.search.SearchIndex;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.SearchIndexed;
import cn.lantai.support.Staff;
import io.ocfl.api.OcflOption;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.VersionInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 10's "Done when": wiping the database and index and rebuilding from the store gives back the same catalogue.
 *
 * <p>A Spring context of its own, the second besides {@code FirstDayBrowserTest}'s, because it is unavoidable here:
 * the test wipes the catalogue's tables and the index whole, which in the shared context would take every other test
 * class's records with them (and their events still being indexed), and it needs the store to follow the catalogue
 * ({@code lantai.store.keep-descriptions}, off in the shared test profile, whose tests count the versions of what they
 * deposit). Its data directory is fixed once per run, not the profile's {@code ${random.uuid}}.
 */
@LantaiTest
class StoreRebuildTest {

    private static final Path DATA_DIR = Path.of("target", "test-data", "store-rebuild-" + UUID.randomUUID())
            .toAbsolutePath();
    private static final Viewer EVERYTHING = Viewer.staff("test", Classification.TOP_SECRET, true);

    @DynamicPropertySource
    static void ownDataDirectoryWithTheStoreFollowingTheCatalogue(DynamicPropertyRegistry properties) {
        properties.add("lantai.data-dir", DATA_DIR::toString);
        properties.add("lantai.store.keep-descriptions", () -> "true");
    }

    @Autowired
    CatalogManagement catalog;
    @Autowired
    CatalogVolumes volumes;
    @Autowired
    CatalogRestore restore;
    @Autowired
    ArchivalStore store;
    @Autowired
    CatalogueObject definitions;
    @Autowired
    CatalogueRebuilds rebuilds;
    @Autowired
    SearchManagement search;
    @Autowired
    SearchIndex index;
    @Autowired
    OcflRepository ocfl;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    RebuildCommand command;
    @Autowired
    CatalogueRebuild rebuild;

    @TempDir
    Path tmp;

    /** What a rebuild must give back: every description field, extra field, 档号 and version, by id. */
    record Snapshot(Map<Long, Item> items, List<Volume> volumes, List<Fonds> fonds, List<Category> categories,
            Map<Long, List<StoredFile>> files) {
    }

    @Test
    void wipingTheDatabaseAndIndexAndRebuildingFromTheStoreGivesBackTheSameCatalogue() throws IOException {
        String fonds = aVariedCatalogueWithFilesInTheStore();
        awaitTheStoreFollowsTheCatalogue();
        Snapshot before = snapshot();
        assertThat(before.items()).hasSizeGreaterThanOrEqualTo(5);

        wipeCatalogueListingAndIndex(before);
        assertThat(restore.isEmpty()).isTrue();
        assertThat(search.search(query("水库", fonds)).total()).isZero();

        RebuildOutcome outcome = rebuilds.runNow(false, "test");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.records()).isEqualTo(before.items().size());
        assertThat(outcome.deleted()).isGreaterThanOrEqualTo(1);
        Snapshot after = snapshot();
        assertThat(after.fonds()).isEqualTo(before.fonds());
        assertThat(after.categories()).isEqualTo(before.categories());
        assertThat(after.volumes()).isEqualTo(before.volumes());
        assertThat(after.items().keySet()).isEqualTo(before.items().keySet());
        before.items().forEach((id, item) -> {
            Item back = after.items().get(id);
            assertThat(back.archivalCode()).as("档号 of %d", id).isEqualTo(item.archivalCode());
            assertThat(back.description().asMap()).as("description of %d", id)
                    .isEqualTo(item.description().asMap());
            assertThat(back.extra()).as("extra fields of %d", id).isEqualTo(item.extra());
            assertThat(back.version()).as("version of %d", id).isEqualTo(item.version());
        });
        assertThat(after.files()).isEqualTo(before.files());
        assertThat(search.search(query("水库", fonds)).total()).isEqualTo(3);
        assertThat(search.search(query("婚姻登记", fonds)).total()).isEqualTo(1);

        long highest = before.items().keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        Item next = catalog.create(Entries.item(fonds, 2021, "重建之后新建的条目").input(), Viewer.system());
        assertThat(next.id().value()).as("ids continue past the restored ones").isGreaterThan(highest);
    }

    @Test
    void theStoreKeepsEachDescriptionCurrentAndRecordsADeletionWithoutDroppingTheObject() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "跟随测试全宗"), Viewer.system());
        Item item = catalog.create(Entries.item(fonds, 2020, "关于档案跟随著录的通知").input(), Viewer.system());
        awaitTheStoreFollowsTheCatalogue();
        assertThat(store.events(item.id())).extracting(PreservationEvent::type)
                .containsExactly(PreservationEvent.INGESTION);

        Item edited = catalog.update(item.id(), item.version(), new EntryInput(null,
                Map.of(DescriptionField.TITLE, "关于档案跟随著录的通知（修订）"), Map.of()), Viewer.system());
        awaitTheStoreFollowsTheCatalogue();
        assertThat(store.record(item.id()).orElseThrow().fields())
                .containsEntry(DescriptionField.TITLE, "关于档案跟随著录的通知（修订）");
        assertThat(store.events(item.id())).extracting(PreservationEvent::type)
                .containsExactly(PreservationEvent.INGESTION, PreservationEvent.METADATA_MODIFICATION);
        long head = headVersion(item.id());
        assertThat(store.describe(edited, "test")).as("an unchanged description writes nothing").isFalse();
        assertThat(headVersion(item.id())).isEqualTo(head);

        catalog.delete(item.id(), Viewer.system());
        Awaitility.await().atMost(SearchIndexed.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> ArchivalStore.deleted(store.events(item.id())));
        assertThat(store.holds(item.id())).as("the object stays; ids are never reused").isTrue();
        assertThat(store.record(item.id()).orElseThrow().fields())
                .containsEntry(DescriptionField.TITLE, "关于档案跟随著录的通知（修订）");
    }

    @Test
    void damagedDefinitionsAreNamedAndTheRecordsStillComeBackUnderFondsMadeFromTheirCodes() throws Exception {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "定义损坏测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        Item item = catalog.create(Entries.item(fonds, 2020, "定义损坏后仍应恢复的条目").input(), Viewer.system());
        awaitTheStoreFollowsTheCatalogue();
        ocfl.updateObject(ObjectVersionId.head(CatalogueObject.ID),
                new VersionInfo().setUser("tester", "mailto:tester@lantai.local").setMessage("damage"), update -> {
                    update.writeFile(new ByteArrayInputStream("[{\"code\": \"机密名称".getBytes(StandardCharsets.UTF_8)),
                            "catalog/fonds.json", OcflOption.OVERWRITE);
                    update.writeFile(new ByteArrayInputStream(("[{\"id\": 1, \"retention\": \"forever\"}]")
                            .getBytes(StandardCharsets.UTF_8)), "catalog/volumes/0000-WS-2020.json",
                            OcflOption.OVERWRITE);
                });

        RebuildOutcome outcome = rebuilds.runNow(true, "test");

        assertThat(outcome.problems()).anyMatch(p -> p.startsWith(CatalogueObject.ID + "/catalog/fonds.json"))
                .anyMatch(p -> p.startsWith(CatalogueObject.ID + "/catalog/volumes/0000-WS-2020.json"))
                .noneMatch(p -> p.contains("机密名称"));
        assertThat(catalog.itemsForIndexing(List.of(item.id()))).extracting(Item::title)
                .containsExactly("定义损坏后仍应恢复的条目");
        assertThat(catalog.fonds()).contains(new Fonds(fonds, fonds));
        // the next change of the definitions writes them whole again, the damaged files with them
        catalog.registerFonds(new Fonds(fonds, "定义损坏测试全宗"), Viewer.system());
        Awaitility.await().atMost(SearchIndexed.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> !definitions.read().orElseThrow().containsKey("catalog/volumes/0000-WS-2020.json")
                        && new String(definitions.read().orElseThrow().get("catalog/fonds.json"),
                                StandardCharsets.UTF_8).contains("定义损坏测试全宗"));
    }

    @Test
    void theStorePageIsTheSystemAdministratorsAndRefusesOverACatalogueThatIsNotEmpty() throws Exception {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "页面测试全宗"), Viewer.system());

        mvc.perform(get("/admin/store").with(Staff.page("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("从存储重建目录")));
        mvc.perform(get("/admin/store").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/store/rebuild-catalogue").with(Staff.page("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("目录不为空")));
        mvc.perform(post("/admin/store/rebuild-catalogue").with(Staff.page("admin")))
                .andExpect(status().isForbidden());
        assertThat(catalog.fonds()).extracting(Fonds::code).contains(fonds);
    }

    @Test
    void aRebuildStoppedAfterItsFirstBatchResumesAfterItWithoutDuplicates() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "续跑测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        for (int i = 1; i <= 520; i++) {
            catalog.create(Entries.item(fonds, 2017, "续跑测试条目第" + i + "件").input(), Viewer.system());
        }
        awaitTheStoreFollowsTheCatalogue();
        Snapshot before = snapshot();
        wipeCatalogueListingAndIndex(before);
        List<CatalogueRebuild.State> committed = new ArrayList<>();

        assertThatThrownBy(() -> rebuild.run(CatalogueRebuild.State.START, (state, total) -> {
            if (state.done() > 500) {
                throw new IllegalStateException("the server stops here");
            }
            committed.add(state);
        })).hasMessage("the server stops here");
        CatalogueRebuild.State stoppedAt = committed.get(committed.size() - 1);
        assertThat(stoppedAt.done()).isEqualTo(500);
        assertThat(catalog.itemCount()).as("the first batch, committed with its progress").isEqualTo(stoppedAt.records());

        RebuildOutcome outcome = rebuild.run(stoppedAt, (state, total) -> {
        });

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.records()).isEqualTo(before.items().size());
        assertThat(snapshot().items().keySet()).isEqualTo(before.items().keySet());
    }

    @Test
    void theCommandLineRebuildOverACatalogueThatIsNotEmptyIsRefusedWithExitStatusTwo() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "命令行测试全宗"), Viewer.system());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = command.rebuild(new PrintStream(printed, true, StandardCharsets.UTF_8), false);

        assertThat(status).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Refused")
                .contains("--lantai.store.rebuild-catalogue=replace");
        assertThat(catalog.fonds()).extracting(Fonds::code).contains(fonds);
    }

    @Test
    void aRebuildOverACatalogueThatIsNotEmptyIsRefusedAndChangesNothing() throws Exception {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "拒绝重建测试全宗"), Viewer.system());
        Item kept = catalog.create(Entries.item(fonds, 2020, "不可被重建覆盖的条目").input(), Viewer.system());
        long count = catalog.itemCount();

        assertThatThrownBy(() -> rebuilds.runNow(false, "test")).isInstanceOf(RebuildRefused.class);
        mvc.perform(post("/api/v1/store/rebuild-catalogue").with(Staff.as("admin")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("目录不为空")));
        mvc.perform(post("/api/v1/store/rebuild-catalogue").param("replace", "true").with(Staff.archivist()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/store/rebuild-catalogue").param("replace", "yes please; DROP TABLE item")
                .with(Staff.as("admin"))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/store/rebuild-catalogue").param("replace", "true")).andExpect(status().isUnauthorized());

        assertThat(catalog.itemCount()).isEqualTo(count);
        assertThat(catalog.itemsForIndexing(List.of(kept.id()))).extracting(Item::title)
                .containsExactly("不可被重建覆盖的条目");
    }

    @Test
    void theSystemAdministratorsRebuildReplacesTheCatalogueAsAJobAndNamesACorruptDescription() throws Exception {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "损坏描述测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        Item good = catalog.create(Entries.item(fonds, 2020, "完好的描述").input(), Viewer.system());
        Item truncated = catalog.create(Entries.item(fonds, 2020, "描述将被截断").input(), Viewer.system());
        Item impostor = catalog.create(Entries.item(fonds, 2020, "描述将冒充他人").input(), Viewer.system());
        Item twin = catalog.create(Entries.item(fonds, 2020, "描述将与他人同档号").input(), Viewer.system());
        awaitTheStoreFollowsTheCatalogue();
        writeDescription(truncated.id(), "{\"id\": " + truncated.id().value() + ", \"fields\": {\"title\": \"半");
        String goodsDescription = new String(descriptionOf(good), StandardCharsets.UTF_8);
        writeDescription(impostor.id(), goodsDescription);
        writeDescription(twin.id(), goodsDescription.replaceFirst("\"id\" ?: ?" + good.id().value(),
                "\"id\" : " + twin.id().value()));

        String body = mvc.perform(post("/api/v1/store/rebuild-catalogue").param("replace", "true")
                .with(Staff.as("admin"))).andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString();
        JobId job = new JobId(body.replaceAll(".*\"job\":\"([^\"]+)\".*", "$1"));
        Awaitility.await().atMost(SearchIndexed.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.status(job).state() != JobState.RUNNING && jobs.status(job).state() != JobState.QUEUED);

        var status = jobs.status(job);
        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.rejected()).isEqualTo(3);
        assertThat(status.message()).contains(ArchivalStore.objectId(truncated.id()) + ": metadata/description.json")
                .contains(ArchivalStore.objectId(impostor.id()) + ": metadata/description.json")
                .contains(ArchivalStore.objectId(twin.id()) + ": refused by the catalogue")
                .doesNotContain("半").doesNotContain("完好的描述");
        assertThat(catalog.itemsForIndexing(List.of(good.id(), truncated.id(), impostor.id(), twin.id())))
                .extracting(Item::id).containsExactly(good.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'store.rebuild-catalogue' "
                + "AND actor = 'admin' AND after_state = 'replace'", Integer.class)).isPositive();
        // the broken objects are taken out of the catalogue for good, so they trouble no later rebuild
        store.recordDeletion(truncated.id(), "test");
        store.recordDeletion(impostor.id(), "test");
        store.recordDeletion(twin.id(), "test");
    }

    /**
     * Two fonds, a category with fields of its own, a file (卷) with a title and date range holding two items, loose
     * items of every classification and open status, Chinese text in every kind of field, files in the store, an item
     * changed after it was made and one deleted.
     */
    private String aVariedCatalogueWithFilesInTheStore() throws IOException {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "区水利局", null, 1978, 2020, "含原水电局档案"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        catalog.defineCategory(new Category("HY", "婚姻登记", List.of(
                new FieldDefinition("groomName", "男方姓名", FieldDefinition.Type.TEXT, 50, true, null),
                new FieldDefinition("registeredOn", "登记日期", FieldDefinition.Type.DATE, null, false, null),
                new FieldDefinition("kind", "登记类别", FieldDefinition.Type.CHOICE, null, false,
                        List.of("结婚", "离婚", "补发")))), Viewer.system());
        Volume file = volumes.create(new NewVolume(fonds, "WS", 1988, "Y", "BGS", "关于水库建设的文件", "无", "开放",
                "卷内备注", "1988-01-05", "1988-12-20"), Viewer.system());
        volumes.describe(file.id(), new VolumeChange("关于水库建设与移民安置的文件", "1988-01-05", "1988-12-30"),
                Viewer.system());
        catalog.create(inFile(fonds, "水库大坝加固工程的请示", 1), Viewer.system());
        catalog.create(inFile(fonds, "水库移民安置方案", 2), Viewer.system());
        Item secret = catalog.create(Entries.item(fonds, 2019, "水库调度运行机密方案")
                .with(DescriptionField.CLASSIFICATION, "机密").with(DescriptionField.OPEN_STATUS, "控制使用")
                .with(DescriptionField.SCOPE_NOTE, "含汛期调度参数，限内部使用。\n第二行：“引号”与 <尖括号> & 符号")
                .with(DescriptionField.DOC_NUMBER, "水利〔2019〕12号").with(DescriptionField.PAGES, "12")
                .with(DescriptionField.KEYWORDS, "防汛；调度").input(), Viewer.system());
        Item delayed = catalog.create(Entries.item(fonds, 2019, "河道清淤验收报告")
                .with(DescriptionField.OPEN_STATUS, "延期开放").with(DescriptionField.PERSONS, "张三、李四")
                .with(DescriptionField.FULL_TEXT, "全文：河道清淤工程于二〇一九年验收。").input(), Viewer.system());
        catalog.create(new EntryInput(null, Entries.item(fonds, 2019, "婚姻登记").with(DescriptionField.CATEGORY, "HY")
                .with(DescriptionField.TITLE, "婚姻登记档案（王某与陈某）").input().fields(),
                Map.of("groomName", "王某", "registeredOn", "2019-05-20", "kind", "结婚")), Viewer.system());
        Item gone = catalog.create(Entries.item(fonds, 2019, "将被删除的条目").input(), Viewer.system());
        catalog.update(delayed.id(), delayed.version(), new EntryInput(null,
                Map.of(DescriptionField.NOTES, "已更正"), Map.of()), Viewer.system());
        catalog.delete(gone.id(), Viewer.system());
        store.deposit(new Deposit(catalog.itemsForIndexing(List.of(secret.id())).get(0), List.of(
                new ContentFile("正文.pdf", write("正文.pdf", "%PDF-1.7 调度方案"), "application/pdf"),
                new ContentFile("附件/图 1.png", write("图.png", "png bytes"), "image/png")), List.of(), "test", "接收"));
        return fonds;
    }

    private static EntryInput inFile(String fonds, String title, int itemNo) {
        return Entries.item(fonds, 1988, title).with(DescriptionField.VOLUME, "1")
                .with(DescriptionField.ITEM_NO, Integer.toString(itemNo)).with(DescriptionField.DATE, "1988-0" + itemNo
                        + "-01").input();
    }

    /** The store has caught up: every item's object holds its current version, the definitions object every file. */
    private void awaitTheStoreFollowsTheCatalogue() {
        // an object read while its first version is being moved into place may look incomplete: ask again
        Awaitility.await().alias("the store holds every description as it is now").atMost(SearchIndexed.PATIENCE)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                    List<Item> items = new ArrayList<>();
                    catalog.forEachItem(1000, items::addAll);
                    boolean described = items.stream().allMatch(item -> store.record(item.id())
                            .map(r -> r.catalogVersion() == item.version()).orElse(false));
                    long filesKept = definitions.read().map(files -> files.keySet().stream()
                            .filter(path -> path.startsWith("catalog/volumes/")).count()).orElse(0L);
                    long groups = restore.volumes().stream().map(v -> v.fonds() + v.category() + v.year()).distinct()
                            .count();
                    return described && filesKept == groups;
                });
    }

    private Snapshot snapshot() {
        Map<Long, Item> items = new LinkedHashMap<>();
        catalog.forEachItem(1000, batch -> batch.forEach(item -> items.put(item.id().value(), item)));
        Map<Long, List<StoredFile>> files = new LinkedHashMap<>();
        items.keySet().forEach(id -> files.put(id, store.files(new ItemId(id))));
        return new Snapshot(items, restore.volumes(), catalog.fonds(), catalog.categories(), files);
    }

    /** As an operator would lose them: the catalogue's tables, the store's listing and the index, all of them. */
    private void wipeCatalogueListingAndIndex(Snapshot before) {
        for (String table : List.of("item", "volume", "item_group", "fonds", "category", "stored_file",
                "stored_object")) {
            jdbc.update("DELETE FROM " + table);
        }
        index.delete(before.items().keySet().stream().map(id -> new ItemId(id).toString()).toList());
    }

    private void writeDescription(ItemId id, String json) {
        ocfl.updateObject(ObjectVersionId.head(ArchivalStore.objectId(id)),
                new VersionInfo().setUser("tester", "mailto:tester@lantai.local").setMessage("damage"),
                update -> update.writeFile(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                        ArchivalStore.DESCRIPTION, OcflOption.OVERWRITE));
    }

    private byte[] descriptionOf(Item item) {
        try (var in = ocfl.getObject(ObjectVersionId.head(ArchivalStore.objectId(item.id())))
                .getFile(ArchivalStore.DESCRIPTION).getStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long headVersion(ItemId id) {
        return ocfl.describeObject(ArchivalStore.objectId(id)).getHeadVersionNum().getVersionNum();
    }

    private static SearchQuery query(String text, String fonds) {
        return new SearchQuery(text, fonds, null, null, null, null, null, null, null, null, null, 0, 10, EVERYTHING);
    }

    private Path write(String name, String content) throws IOException {
        Path file = tmp.resolve(UUID.randomUUID() + "-" + name);
        Files.writeString(file, content);
        return file;
    }
}
