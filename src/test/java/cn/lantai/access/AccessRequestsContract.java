package cn.lantai.access;

import static cn.lantai.access.RequestFixtures.APPROVER;
import static cn.lantai.access.RequestFixtures.CLERK;
import static cn.lantai.access.RequestFixtures.LOW;
import static cn.lantai.access.RequestFixtures.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import cn.lantai.access.internal.readers.VisitorRetention;
import cn.lantai.access.internal.requests.GrantExpiry;
import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.Derivatives;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
import cn.lantai.identity.PermissionManagement;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests for controlled records on a database: asked, routed, approved, delivered with the watermark burnt in,
 * counted, and expired, the same on H2 and PostgreSQL.
 */
abstract class AccessRequestsContract {

    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    PageLedger ledger;
    @Autowired
    DerivativeJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Staff staff;
    @Autowired
    PermissionManagement permissions;
    @Autowired
    AccessRequests requests;
    @Autowired
    GrantedCopies copies;
    @Autowired
    GrantExpiry expiry;
    @Autowired
    Derivatives derivatives;
    @Autowired
    AuditTrail trail;
    @Autowired
    ReadingRoom room;
    @Autowired
    VisitorRetention retention;

    @TempDir
    Path dir;

    RequestFixtures world;

    @BeforeEach
    void aWorld() {
        world = new RequestFixtures(catalog, store, ledger, job, jdbc, staff, dir);
    }

    @Test
    void aVisitorsRequestIsRoutedApprovedDeliveredWatermarkedCountedAndExpiresOnce() throws IOException {
        Item item = world.controlled("控制使用的会议记录", 2);
        long visit = world.visit("周来访");

        FiledRequest filed = staff.as(CLERK, () -> requests.ask(List.of(item.id()), Purpose.RESEARCH, "编写区志",
                visit, viewer(CLERK)));
        AccessRequest asked = filed.request();
        String slip = filed.slip().orElseThrow();

        assertThat(slip).as("256 random bits, base64url").hasSize(43);
        assertThat(asked.requesterName()).isEqualTo("周来访");
        assertThat(asked.items()).singleElement().satisfies(i -> {
            assertThat(i.routeRole()).isEqualTo("USE_APPROVAL");
            assertThat(i.state()).isEqualTo(RequestState.PENDING);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_request WHERE slip_digest = ?").params(slip)
                .query(Integer.class).single()).as("the secret itself is never stored").isZero();
        assertThat(requests.bySlip(slip).id()).isEqualTo(asked.id());
        assertThat(staff.as(APPROVER, () -> requests.queue(viewer(APPROVER)))).extracting(AccessRequest::id)
                .contains(asked.id());
        assertThatThrownBy(() -> copies.bySlip(slip, item.id(), null)).isInstanceOf(AccessProblem.class)
                .satisfies(e -> assertThat(((AccessProblem) e).code()).isEqualTo("access.grant.pending"));

        AccessRequest approved = staff.as(APPROVER, () -> requests.approve(asked.id(), null, 3, viewer(APPROVER)));

        RequestedItem granted = approved.items().get(0);
        assertThat(granted.state()).isEqualTo(RequestState.APPROVED);
        assertThat(granted.grantedUntil()).isBetween(Instant.now().plusSeconds(3 * 86_400 - 600),
                Instant.now().plusSeconds(3 * 86_400 + 600));
        Grant grant = copies.bySlip(slip, item.id(), "203.0.113.9");
        assertThat(copies.view(grant).pages()).isEqualTo(2);
        copies.view(grant);
        assertThat(world.uses(UseKind.ITEM_USED, item.id().value())).as("the first viewing only").isEqualTo(1);

        BufferedImage served = ImageIO.read(new ByteArrayInputStream(copies.page(grant, 1)));
        BufferedImage plain = ImageIO.read(derivatives.access(item.id(), 1, Viewer.system()).file().toFile());
        assertThat(served.getWidth()).isEqualTo(plain.getWidth());
        assertThat(Pixels.differingShare(served, plain)).as("the watermark is in the pixels").isGreaterThan(0.02);

        copies.pdf(grant, false);
        copies.pdf(grant, true);
        assertThat(world.uses(UseKind.DOWNLOAD, item.id().value())).isEqualTo(1);
        assertThat(world.uses(UseKind.PRINT, item.id().value())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT visit_id FROM access_use WHERE kind = 'DOWNLOAD' AND item_id = ?")
                .params(item.id().value()).query(Long.class).single()).isEqualTo(visit);

        world.lapse(asked.id(), item.id().value());
        assertThatThrownBy(() -> copies.bySlip(slip, item.id(), null))
                .isInstanceOfSatisfying(AccessProblem.class, e -> assertThat(e.status()).isEqualTo(410));
        // twice (and the scheduled sweep may run too): each expiry is marked and audited once
        expiry.sweep(Instant.now());
        expiry.sweep(Instant.now());
        assertThat(audit("access.request.expired", asked.number() + " item:" + item.id().value())).hasSize(1);
        assertThat(requests.bySlip(slip).items().get(0).state()).isEqualTo(RequestState.EXPIRED);
        for (String step : List.of("access.request.asked", "access.request.routed", "access.request.approved",
                "access.request.viewed", "access.request.downloaded", "access.request.printed")) {
            assertThat(audit(step, asked.number())).as(step).isNotEmpty();
        }
    }

    @Test
    void aRecordThatDoesNotExistOrIsAboveTheRequestersClearanceAnswersAsMissingAndIsAudited() {
        Item secret = world.classified("机密的规划", "机密", 1);
        ItemId missing = new ItemId(987_000_000L + System.nanoTime() % 1_000_000);

        for (ItemId id : List.of(secret.id(), missing)) {
            assertThatThrownBy(() -> staff.as(LOW, () -> requests.ask(List.of(id), Purpose.WORK, "查考",
                    null, viewer(LOW)))).isExactlyInstanceOf(ItemNotFound.class)
                    .hasMessage("item " + id + " not found");
            assertThat(audit("access.request.item-not-found", "item:" + id.value())).as("" + id)
                    .extracting(AuditEntry::actor).containsExactly(LOW);
        }
        AccessRequest own = staff.as(REQUESTER, () -> requests.ask(List.of(secret.id()), Purpose.WORK, "查考",
                null, viewer(REQUESTER))).request();
        assertThat(own.items()).singleElement().extracting(RequestedItem::state).isEqualTo(RequestState.PENDING);
    }

    @Test
    void itemsNamedByTheirCodeAreFoundUnderTheSightTheRequestIsFiledUnder() {
        Item secret = world.classified("机密的征地批复", "机密", 1);
        Item confidential = world.classified("秘密的信访件", "秘密", 1);
        Item controlled = world.controlled("控制使用的土地证存根", 1);
        long visit = world.visit("吴来访");
        String secretCode = ArchivalCode.normalise(secret.archivalCode()).orElseThrow();
        String unknown = world.fonds + "-WS·1901-Y-9999";

        // a staff member's request: their clearance, as typed (lower case, spaces around), and an id beside it
        AccessRequest own = staff.as(REQUESTER, () -> requests.ask(List.of(controlled.id()),
                List.of("  " + secret.archivalCode().toLowerCase() + " "), Purpose.WORK, "核对", null,
                viewer(REQUESTER))).request();
        assertThat(own.items()).extracting(RequestedItem::itemId).containsExactlyInAnyOrder(controlled.id(), secret.id());

        // above the requester's clearance, and unknown: the same answer as an unknown id, audited
        for (String code : List.of(secretCode, unknown)) {
            assertThatThrownBy(() -> staff.as(LOW, () -> requests.ask(List.of(), List.of(code), Purpose.WORK, "查考",
                    null, viewer(LOW)))).isExactlyInstanceOf(ItemNotFound.class);
        }
        assertThat(audit("access.request.item-not-found", "code:" + unknown)).extracting(AuditEntry::actor)
                .containsExactly(LOW);
        assertThat(audit("access.request.item-not-found", "code:" + secretCode)).extracting(AuditEntry::actor)
                .contains(LOW);

        // a visitor's request: public clearance, though the clerk sees 秘密
        assertThatThrownBy(() -> staff.as(CLERK, () -> requests.ask(List.of(), List.of(confidential.archivalCode()),
                Purpose.OTHER, "了解", visit, viewer(CLERK)))).isExactlyInstanceOf(ItemNotFound.class);
        assertThat(audit("access.request.item-not-found", "item:" + confidential.id().value()))
                .extracting(AuditEntry::actor).contains(CLERK);
        FiledRequest filed = staff.as(CLERK, () -> requests.ask(List.of(), List.of(controlled.archivalCode()),
                Purpose.OTHER, "了解", visit, viewer(CLERK)));
        assertThat(filed.request().items()).extracting(RequestedItem::itemId).containsExactly(controlled.id());
        assertThat(staff.as(CLERK, () -> requests.forVisits(List.of(visit), viewer(CLERK))).get(visit))
                .extracting(AccessRequest::id).containsExactly(filed.request().id());

        // not a 档号: bad input, nothing filed
        for (String bad : List.of("第三卷", "0001-WS-2020", "'; DROP TABLE access_request; --", "x".repeat(10_000))) {
            assertThatThrownBy(() -> staff.as(REQUESTER, () -> requests.ask(List.of(), List.of(bad), Purpose.WORK,
                    "查考", null, viewer(REQUESTER)))).isInstanceOfSatisfying(AccessProblem.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("access.request.bad-code");
                    });
        }
        assertThatThrownBy(() -> staff.as(LOW, () -> requests.forVisits(List.of(visit), viewer(LOW))))
                .as("the desk's list of a visit's requests is the desk's").isInstanceOf(NotPermitted.class);
    }

    @Test
    void anItemIsCountedOncePerVisitWhetherEnteredAtTheDeskAgainOrViewedUnderTheVisitsRequest() {
        Item item = world.controlled("控制使用的土地档案", 1);
        long visit = world.visit("吴来访");

        staff.as(CLERK, () -> room.itemUsed(visit, item.archivalCode(), viewer(CLERK)));
        staff.as(CLERK, () -> room.itemUsed(visit, item.archivalCode(), viewer(CLERK)));
        assertThat(world.uses(UseKind.ITEM_USED, item.id().value())).as("entered twice, used once").isEqualTo(1);

        FiledRequest filed = staff.as(CLERK, () -> requests.ask(List.of(item.id()), Purpose.RESEARCH, "核对",
                visit, viewer(CLERK)));
        staff.as(APPROVER, () -> requests.approve(filed.request().id(), null, 3, viewer(APPROVER)));
        Grant grant = copies.bySlip(filed.slip().orElseThrow(), item.id(), "203.0.113.9");
        copies.view(grant);
        copies.pdf(grant, false);
        assertThat(world.uses(UseKind.ITEM_USED, item.id().value()))
                .as("the desk's entry and the slip's viewing in one visit are one use").isEqualTo(1);

        // another visit is another use
        long again = world.visit("吴来访");
        staff.as(CLERK, () -> room.itemUsed(again, item.archivalCode(), viewer(CLERK)));
        assertThat(world.uses(UseKind.ITEM_USED, item.id().value())).isEqualTo(2);

        // a staff member's own request: once per request
        Item other = world.controlled("控制使用的规划档案", 1);
        AccessRequest own = staff.as(REQUESTER, () -> requests.ask(List.of(other.id()), Purpose.WORK, "查考", null,
                viewer(REQUESTER)).request());
        staff.as(APPROVER, () -> requests.approve(own.id(), null, 3, viewer(APPROVER)));
        Grant mine = copies.forStaff(own.id(), other.id(), viewer(REQUESTER));
        copies.view(mine);
        copies.view(mine);
        copies.pdf(mine, true);
        assertThat(world.uses(UseKind.ITEM_USED, other.id().value())).isEqualTo(1);
    }

    @Test
    void theAuditNamesAVisitorByIdNotByNameAndTheErasureReachesTheirEndedRequests() {
        Item item = world.controlled("控制使用的户籍档案", 1);
        long visit = world.visit("郑来访");
        long visitor = jdbc.sql("SELECT visitor_id FROM access_visit WHERE id = ?").params(visit).query(Long.class)
                .single();
        jdbc.sql("UPDATE access_visitor SET unit = '某某大学' WHERE id = ?").params(visitor).update();
        FiledRequest filed = staff.as(CLERK, () -> requests.ask(List.of(item.id()), Purpose.RESEARCH, "核对",
                visit, viewer(CLERK)));
        AccessRequest asked = filed.request();
        staff.as(APPROVER, () -> requests.approve(asked.id(), null, 3, viewer(APPROVER)));
        Grant grant = copies.bySlip(filed.slip().orElseThrow(), item.id(), "203.0.113.9");
        assertThat(grant.watermark(java.time.LocalDate.of(2026, 12, 1)))
                .as("the watermark still names the visitor: that is its point").contains("郑来访", "2026-12-01");
        copies.view(grant);
        copies.page(grant, 1);

        List<AuditEntry> viewed = audit("access.request.viewed", asked.number());
        assertThat(viewed).isNotEmpty().allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(asked.number() + " visitor:" + visitor);
            assertThat(e.toString()).doesNotContain("郑来访");
        });
        List<AuditEntry> all = staff.asAuditor(() -> trail.entries(new AuditQuery(asked.number() + " visitor:"
                + visitor, null, null, null, null), 0, 100)).entries();
        assertThat(all).as("the pages read are audited under the same name").hasSizeGreaterThan(viewed.size());

        assertThatThrownBy(() -> room.visitor(visitor, viewer(APPROVER))).as("visitors' data is the desk's alone")
                .isInstanceOfSatisfying(AccessProblem.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(staff.as(APPROVER, () -> requests.request(asked.id(), viewer(APPROVER))).requesterName())
                .as("an approver sees the visitor by the masked number").isEqualTo("E1****78");

        // the retention: while the grant runs the request keeps the name; once it ended, it is blanked too
        jdbc.sql("UPDATE access_visitor SET last_seen_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(5L * 366 * 86_400)), visitor).update();
        retention.eraseExpired(Instant.now());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_visitor WHERE id = ? AND unit IS NULL").params(visitor)
                .query(Integer.class).single()).as("the unit erased too").isEqualTo(1);
        assertThat(requesterName(asked.id())).isEqualTo("郑来访");
        world.lapse(asked.id(), item.id().value());
        retention.eraseExpired(Instant.now());
        assertThat(requesterName(asked.id())).isEmpty();
    }

    private String requesterName(long request) {
        return jdbc.sql("SELECT requester_name FROM access_request WHERE id = ?").params(request)
                .query(String.class).single();
    }

    Viewer viewer(String username) {
        return permissions.permissions(username).orElseThrow().viewer("127.0.0.1");
    }

    List<AuditEntry> audit(String action, String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(null, action, target, null, null), 0, 100))
                .entries();
    }
}
