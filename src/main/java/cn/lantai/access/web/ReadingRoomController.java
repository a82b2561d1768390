package cn.lantai.access.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.access.DeskVisit;
import cn.lantai.access.IdType;
import cn.lantai.access.NewVisitor;
import cn.lantai.access.Purpose;
import cn.lantai.access.ReadingRoom;
import cn.lantai.access.AccessProblem;
import cn.lantai.access.UsedItem;
import cn.lantai.access.Visit;
import cn.lantai.access.Visitor;
import cn.lantai.catalog.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reading-room desk in the API, for a token with {@code SERVE_READERS} (403 otherwise, audited):
 * {@code POST /api/v1/reading-room/visitors} ({@code name, idType, idNumber, phone, unit}) registers or finds again;
 * {@code POST …/visitors/search} ({@code idType, idNumber} in the body, never in a URL, where proxies and logs keep
 * it) finds one (404 when none); {@code GET …/visitors} lists the recent ones ({@code page}, {@code size}; an ID
 * number given there is refused, 400); {@code GET …/visitors/{id}/id-number} reads the whole number (audited);
 * {@code POST …/visits} ({@code visitorId, purpose, note}); {@code GET …/visits?day=} a day's visits;
 * {@code POST …/visits/{id}/items} ({@code reference}: a 档号 or an item id); {@code POST …/visits/{id}/copies}
 * ({@code pages}). Visitors are always shown masked ({@code idMasked}, {@code phoneMasked}).
 */
@RestController
@RequestMapping("/api/v1/reading-room")
class ReadingRoomController {

    private final ReadingRoom room;
    private final MessageSource messages;

    ReadingRoomController(ReadingRoom room, MessageSource messages) {
        this.room = room;
        this.messages = messages;
    }

    @PostMapping("/visitors")
    ResponseEntity<Map<String, Object>> register(@RequestBody NewVisitor given, Viewer viewer) {
        Visitor v = room.register(given, viewer);
        return ResponseEntity.created(URI.create("/api/v1/reading-room/visitors/" + v.id())).body(visitor(v));
    }

    @GetMapping("/visitors")
    List<Map<String, Object>> visitors(@RequestParam(required = false) String idNumber,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Viewer viewer) {
        if (idNumber != null) {
            throw new AccessProblem("access.visitor.search-in-body");
        }
        return room.visitors(page, size, viewer).stream().map(ReadingRoomController::visitor).toList();
    }

    record Search(IdType idType, String idNumber) {
    }

    @PostMapping("/visitors/search")
    Map<String, Object> search(@RequestBody Search given, Viewer viewer) {
        return room.find(given.idType(), given.idNumber(), viewer).map(ReadingRoomController::visitor)
                .orElseThrow(() -> new AccessProblem(404, "access.visitor.not-found"));
    }

    @GetMapping("/visitors/{id}/id-number")
    Map<String, Object> idNumber(@PathVariable long id, Viewer viewer) {
        return Map.of("visitorId", id, "idNumber", room.idNumber(id, viewer));
    }

    record NewVisit(Long visitorId, Purpose purpose, String note) {
    }

    @PostMapping("/visits")
    ResponseEntity<Map<String, Object>> start(@RequestBody NewVisit given, Viewer viewer) {
        if (given.visitorId() == null) {
            throw new AccessProblem(404, "access.visitor.not-found");
        }
        Visit v = room.startVisit(given.visitorId(), given.purpose(), given.note(), viewer);
        return ResponseEntity.created(URI.create("/api/v1/reading-room/visits/" + v.id())).body(visit(v));
    }

    @GetMapping("/visits")
    List<Map<String, Object>> visits(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate day, Viewer viewer) {
        return room.visits(day == null ? room.today() : day, viewer).stream().map(ReadingRoomController::deskVisit)
                .toList();
    }

    record ItemUse(String reference) {
    }

    @PostMapping("/visits/{id}/items")
    ResponseEntity<Map<String, Object>> itemUsed(@PathVariable long id, @RequestBody ItemUse given, Viewer viewer) {
        UsedItem used = room.itemUsed(id, given.reference(), viewer);
        return ResponseEntity.status(HttpStatus.CREATED).body(used(used));
    }

    record Copies(Integer pages) {
    }

    @PostMapping("/visits/{id}/copies")
    ResponseEntity<Map<String, Object>> copies(@PathVariable long id, @RequestBody Copies given, Viewer viewer) {
        room.pagesCopied(id, given.pages() == null ? 0 : given.pages(), viewer);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("visitId", id, "pages", given.pages()));
    }

    static Map<String, Object> visitor(Visitor v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", v.id());
        body.put("name", v.name());
        body.put("idType", v.idType());
        body.put("idMasked", v.maskedId());
        body.put("phoneMasked", v.maskedPhone());
        body.put("unit", v.unit());
        body.put("registeredAt", v.registeredAt());
        body.put("erased", v.erased());
        return body;
    }

    private static Map<String, Object> visit(Visit v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", v.id());
        body.put("visitorId", v.visitorId());
        body.put("purpose", v.purpose());
        body.put("startedAt", v.startedAt());
        body.put("clerk", v.clerk());
        return body;
    }

    private static Map<String, Object> used(UsedItem u) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("visitId", u.visitId());
        body.put("level", u.level());
        body.put("id", u.refId());
        body.put("archivalCode", u.archivalCode());
        body.put("category", u.category());
        body.put("at", u.at());
        return body;
    }

    private static Map<String, Object> deskVisit(DeskVisit d) {
        Map<String, Object> body = visit(d.visit());
        body.put("visitor", visitor(d.visitor()));
        body.put("items", d.items().stream().map(ReadingRoomController::used).toList());
        body.put("pagesCopied", d.pagesCopied());
        return body;
    }
}
