package cn.lantai.stacks.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.Locations;
import cn.lantai.stacks.Move;
import cn.lantai.stacks.MoveReason;
import cn.lantai.stacks.Moves;
import cn.lantai.stacks.Moves.Target;
import cn.lantai.stacks.Placed;
import cn.lantai.stacks.Room;
import cn.lantai.stacks.Rooms;
import cn.lantai.stacks.StacksProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stacks' locations and out/in log in the API, for a personal token with {@code MANAGE_STACKS}:
 * {@code GET /api/v1/stacks/rooms}; {@code PUT /api/v1/stacks/locations/{档号}} ({@code location}, e.g.
 * {@code K01-03-12-4}, or {@code box}, a box's number); {@code POST /api/v1/stacks/locations} ({@code entries}, a list
 * of 档号, and {@code location}: all moved or none); {@code POST /api/v1/stacks/moves/out} ({@code entry} or
 * {@code box}, {@code reason}, {@code note}, {@code due}) and {@code POST …/moves/in} ({@code entry} or {@code box});
 * {@code GET …/moves/overdue}. Refusals are problem+json with the bundle key as {@code code}.
 */
@RestController
@RequestMapping("/api/v1/stacks")
class LocationsController {

    private final Rooms rooms;
    private final Locations locations;
    private final Moves moves;

    LocationsController(Rooms rooms, Locations locations, Moves moves) {
        this.rooms = rooms;
        this.locations = locations;
        this.moves = moves;
    }

    @GetMapping("/rooms")
    List<Map<String, Object>> rooms() {
        return rooms.rooms().stream().map(LocationsController::room).toList();
    }

    record Place(String location, String box) {
    }

    @PutMapping("/locations/{dangHao}")
    Map<String, Object> place(@PathVariable String dangHao, @RequestBody Place given, Viewer viewer) {
        if (given.box() != null && !given.box().isBlank()) {
            return placed(locations.putInBox(List.of(dangHao), given.box(), viewer).get(0));
        }
        return placed(locations.place(dangHao, given.location(), viewer));
    }

    record PlaceMany(List<String> entries, String location) {
    }

    @PostMapping("/locations")
    List<Map<String, Object>> placeMany(@RequestBody PlaceMany given, Viewer viewer) {
        return locations.placeAll(given.entries(), given.location(), viewer).stream()
                .map(LocationsController::placed).toList();
    }

    record MoveOut(String entry, String box, MoveReason reason, String note, LocalDate due) {
    }

    @PostMapping("/moves/out")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> out(@RequestBody MoveOut given, Viewer viewer) {
        return move(moves.takeOut(target(given.entry(), given.box()), given.reason(), given.note(), given.due(),
                viewer));
    }

    record MoveIn(String entry, String box) {
    }

    @PostMapping("/moves/in")
    Map<String, Object> in(@RequestBody MoveIn given, Viewer viewer) {
        return move(moves.giveBack(target(given.entry(), given.box()), viewer));
    }

    @GetMapping("/moves/overdue")
    List<Map<String, Object>> overdue() {
        return moves.overdue().stream().map(LocationsController::move).toList();
    }

    /** Exactly one of an entry's 档号 and a box's number. */
    private static Target target(String entry, String box) {
        boolean hasEntry = entry != null && !entry.isBlank();
        boolean hasBox = box != null && !box.isBlank();
        if (hasEntry == hasBox) {
            throw new StacksProblem(422, "stacks.move.one-target");
        }
        return hasBox ? Target.box(box) : Target.entry(entry);
    }

    static Map<String, Object> room(Room r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.code());
        m.put("name", r.name());
        m.put("kind", r.kind().name());
        m.put("rows", r.rows());
        m.put("sections", r.sections());
        m.put("shelves", r.shelves());
        return m;
    }

    static Map<String, Object> placed(Placed p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind().name());
        m.put("id", p.id());
        m.put("archivalCode", p.archivalCode());
        m.put("box", p.boxNumber());
        m.put("location", p.location() == null ? null : p.location().toString());
        return m;
    }

    static Map<String, Object> move(Move mv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", mv.id());
        m.put("kind", mv.kind().name());
        m.put("label", mv.label());
        m.put("reason", mv.reason().name());
        m.put("note", mv.note());
        m.put("takenBy", mv.takenBy());
        m.put("takenAt", mv.takenAt().toString());
        m.put("due", mv.due().toString());
        m.put("returnedBy", mv.returnedBy());
        m.put("returnedAt", mv.returnedAt() == null ? null : mv.returnedAt().toString());
        return m;
    }
}
