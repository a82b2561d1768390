package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@LantaiTest
class ArchivalStoreTest {

    @Autowired
    ArchivalStore store;

    @Autowired
    OcflRepository ocfl;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    Item item;

    @BeforeEach
    void anItem() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "保存测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        item = catalog.create(Entries.item(fonds, 2020, "关于档案保存的通知").input(), Viewer.system());
    }

    @Test
    void aDepositIsAVersionWithBothDigestsItsDescriptionAndItsHistory() throws IOException {
        Path pdf = write("正文.pdf", "%PDF-1.7 第一稿");
        Path scan = write("scan.jpg", "jpeg bytes");

        int version = store.deposit(new Deposit(item, List.of(new ContentFile("正文.pdf", pdf, "application/pdf"),
                new ContentFile("附件/扫描 1.jpg", scan, "image/jpeg")), List.of(), "zhang", "接收")); 

        assertThat(version).isEqualTo(1);
        assertThat(store.files(item.id())).extracting(StoredFile::name, StoredFile::format, StoredFile::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("正文.pdf", "application/pdf", 1),
                        org.assertj.core.groups.Tuple.tuple("附件/扫描 1.jpg", "image/jpeg", 1));
        StoredFile stored = store.files(item.id()).get(0);
        assertThat(stored.sha256()).isEqualTo(Digests.of(pdf).sha256());
        assertThat(stored.sm3()).isEqualTo(Digests.of(pdf).sm3());
        try (InputStream in = store.open(item.id(), "正文.pdf")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 第一稿");
        }
        assertThat(store.record(item.id()).orElseThrow().fields())
                .containsEntry(DescriptionField.TITLE, "关于档案保存的通知");
        assertThat(store.events(item.id())).extracting(PreservationEvent::type).containsExactly(
                PreservationEvent.MESSAGE_DIGEST_CALCULATION, PreservationEvent.MESSAGE_DIGEST_CALCULATION,
                PreservationEvent.INGESTION);
        assertThat(ocfl.getObject(ObjectVersionId.head(ArchivalStore.objectId(item.id())))
                .getFile("content/正文.pdf").getFixity().values()).contains(stored.sm3(), stored.sha256());
    }

    @Test
    void aChangedFileIsANewVersionAndTheOldBytesStay() throws IOException {
        store.deposit(new Deposit(item, List.of(new ContentFile("正文.pdf", write("a.pdf", "第一稿"),
                "application/pdf")), List.of(), "zhang", null));
        int second = store.deposit(new Deposit(item, List.of(new ContentFile("正文.pdf", write("b.pdf", "第二稿"),
                "application/pdf")), List.of(PreservationEvent.success(PreservationEvent.MIGRATION, "zhang",
                "重新存入", "正文.pdf")), "zhang", null));

        assertThat(second).isEqualTo(2);
        assertThat(store.files(item.id())).singleElement().extracting(StoredFile::version).isEqualTo(2);
        try (InputStream old = ocfl.getObject(ObjectVersionId.version(ArchivalStore.objectId(item.id()), 1))
                .getFile("content/正文.pdf").getStream()) {
            assertThat(new String(old.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("第一稿");
        }
        assertThat(store.events(item.id())).extracting(PreservationEvent::type).contains(PreservationEvent.MIGRATION);
    }

    @Test
    void eventsAppendAsANewVersionAndTheListingRebuildsFromTheStore() throws IOException {
        store.deposit(new Deposit(item, List.of(new ContentFile("正文.pdf", write("a.pdf", "x"), "application/pdf")),
                List.of(), "zhang", null));
        int version = store.recordEvents(item.id(), List.of(PreservationEvent.failure(PreservationEvent.FIXITY_CHECK,
                "Lantai", "SHA-256 不符", "正文.pdf")), "system");

        assertThat(version).isEqualTo(2);
        List<StoredFile> before = store.files(item.id());
        store.reconcile(item.id());
        assertThat(store.files(item.id())).isEqualTo(before);
        assertThat(store.events(item.id())).last().satisfies(e -> {
            assertThat(e.succeeded()).isFalse();
            assertThat(e.detail()).isEqualTo("SHA-256 不符");
            assertThat(e.file()).isEqualTo("正文.pdf");
        });
        assertThat(store.records()).contains(item.id());
    }

    @Test
    void namesThatCouldLeaveTheRecordAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = write("x.pdf", "x");
        for (String name : List.of("../../etc/passwd", "/etc/passwd", "a/../b.pdf", "C:\\x.pdf", "a//b", "a\u0000b",
                "", "x".repeat(256))) {
            assertThatThrownBy(() -> store.deposit(new Deposit(item, List.of(new ContentFile(name, file, "text/plain")),
                    List.of(), "zhang", null))).as(name).isInstanceOf(InvalidDeposit.class);
        }
        assertThat(store.holds(item.id())).isFalse();
        assertThat(store.files(item.id())).isEmpty();
    }

    @Test
    void theStorageRootPassesOcflJavasValidator() throws IOException {
        store.deposit(new Deposit(item, List.of(new ContentFile("正文.pdf", write("a.pdf", "x"), "application/pdf")),
                List.of(), "zhang", null));
        store.recordEvents(item.id(), List.of(PreservationEvent.success(PreservationEvent.FIXITY_CHECK, "Lantai",
                "一致", "正文.pdf")), "system");

        assertThat(store.validate(item.id(), true)).isEmpty();
        // the whole root too, as an operator runs it: no object of this test class is damaged on purpose
        String ours = ArchivalStore.objectId(item.id()) + ": ";
        assertThat(store.validate(true)).noneMatch(problem -> problem.startsWith(ours));
    }

    @Test
    void aVersionWhoseListingWasNotWrittenIsReListedFromTheStore() throws IOException {
        store.deposit(new Deposit(item, List.of(new ContentFile("正文.pdf", write("a.pdf", "第一稿"),
                "application/pdf")), List.of(), "zhang", null));
        // as after a crash between the store's version and the listing's update: the listing says nothing, an
        // intent is left
        jdbc.update("DELETE FROM stored_file WHERE item_id = ?", item.id().value());
        jdbc.update("INSERT INTO store_intent (item_id, started_at) VALUES (?, CURRENT_TIMESTAMP)", item.id().value());

        assertThat(store.reconcileInterrupted()).isPositive();

        assertThat(store.files(item.id())).extracting(StoredFile::name).containsExactly("正文.pdf");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM store_intent WHERE item_id = ?", Long.class,
                item.id().value())).isZero();
    }

    @Test
    void aFileWithoutAnIdentifiedFormatIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = write("x.pdf", "x");
        assertThatThrownBy(() -> store.deposit(new Deposit(item, List.of(new ContentFile("x.pdf", file, null)),
                List.of(), "zhang", null))).isInstanceOf(InvalidDeposit.class);
        assertThat(store.holds(item.id())).isFalse();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
