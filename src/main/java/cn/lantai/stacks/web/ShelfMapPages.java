package cn.lantai.stacks.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.Box;
import cn.lantai.stacks.Boxes;
import cn.lantai.stacks.Boxes.NewBox;
import cn.lantai.stacks.Locations;
import cn.lantai.stacks.MoveReason;
import cn.lantai.stacks.Moves;
import cn.lantai.stacks.Moves.Target;
import cn.lantai.stacks.Room;
import cn.lantai.stacks.RoomKind;
import cn.lantai.stacks.Rooms;
import cn.lantai.stacks.ShelfLabels;
import cn.lantai.stacks.ShelfMap;
import cn.lantai.stacks.StacksProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stacks' pages: the shelf map ({@code /stacks}: the rooms as tabs, a room's rows × sections with what stands in
 * each, a cell's shelves listed, the overdue alerts, what is out and the latest of the log) with its forms (add a
 * room, add a box, shelve entries, put them in a box, take out, return); a box's page ({@code /stacks/boxes/{id}});
 * the labels as PDF. A refusal is shown on the page it came from, nothing written.
 */
@Controller
class ShelfMapPages {

    private static final Pattern CELL = Pattern.compile("([0-9]{1,3})-([0-9]{1,3})");

    private final Rooms rooms;
    private final Locations locations;
    private final Boxes boxes;
    private final Moves moves;
    private final ShelfLabels labels;
    private final MessageSource messages;

    ShelfMapPages(Rooms rooms, Locations locations, Boxes boxes, Moves moves, ShelfLabels labels,
            MessageSource messages) {
        this.rooms = rooms;
        this.locations = locations;
        this.boxes = boxes;
        this.moves = moves;
        this.labels = labels;
        this.messages = messages;
    }

    @GetMapping("/stacks")
    String map(@RequestParam(required = false) String room, @RequestParam(required = false) String cell, Model model) {
        List<Room> all = rooms.rooms();
        model.addAttribute("rooms", all);
        model.addAttribute("kinds", RoomKind.values());
        model.addAttribute("reasons", MoveReason.values());
        model.addAttribute("overdue", moves.overdue());
        model.addAttribute("overdueCount", moves.overdueCount());
        model.addAttribute("out", moves.out());
        model.addAttribute("latest", moves.latest());
        model.addAttribute("unshelved", boxes.unshelved());
        model.addAttribute("today", moves.today());
        model.addAttribute("zone", moves.zone());
        Room chosen = all.stream().filter(r -> r.code().equals(room)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
        if (chosen != null) {
            ShelfMap map = locations.map(chosen.code());
            model.addAttribute("map", map);
            model.addAttribute("room", chosen);
            Matcher m = cell == null ? null : CELL.matcher(cell);
            if (m != null && m.matches()) {
                int row = Integer.parseInt(m.group(1));
                int section = Integer.parseInt(m.group(2));
                if (row >= 1 && row <= chosen.rows() && section >= 1 && section <= chosen.sections()) {
                    model.addAttribute("cell", map.cell(row, section));
                    model.addAttribute("shelves", map.shelves(row, section));
                }
            }
        }
        return "stacks";
    }

    @PostMapping("/stacks/rooms")
    String addRoom(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String rows,
            @RequestParam(required = false) String sections, @RequestParam(required = false) String shelves,
            Viewer viewer, RedirectAttributes flash, Locale locale) {
        RoomKind k = Arrays.stream(RoomKind.values()).filter(x -> x.name().equals(kind)).findFirst().orElse(null);
        return done(() -> "/stacks?room=" + rooms.add(new Room(code, name, k, count(rows), count(sections),
                count(shelves)), viewer).code(), "/stacks", flash, locale);
    }

    @PostMapping("/stacks/boxes")
    String addBox(@RequestParam(required = false) String number, @RequestParam(required = false) String fonds,
            @RequestParam(required = false) String year, @RequestParam(required = false) String category,
            @RequestParam(required = false) String title, @RequestParam(required = false) String location,
            @RequestParam(required = false) String room, Viewer viewer, RedirectAttributes flash, Locale locale) {
        return done(() -> "/stacks/boxes/" + boxes.add(new NewBox(number, fonds, year(year), category, title),
                location, viewer).id(), back(room), flash, locale);
    }

    @GetMapping("/stacks/boxes/{id}")
    String box(@PathVariable long id, Model model) {
        Box box = boxes.box(id);
        model.addAttribute("box", box);
        model.addAttribute("contents", boxes.contents(id));
        model.addAttribute("log", moves.ofBox(id));
        model.addAttribute("reasons", MoveReason.values());
        model.addAttribute("today", moves.today());
        model.addAttribute("zone", moves.zone());
        model.addAttribute("qr", labels.boxQr(id));
        return "stacks-box";
    }

    @PostMapping("/stacks/boxes/{id}/location")
    String placeBox(@PathVariable long id, @RequestParam(required = false) String location, Viewer viewer,
            RedirectAttributes flash, Locale locale) {
        return done(() -> {
            boxes.place(id, location, viewer);
            return "/stacks/boxes/" + id;
        }, "/stacks/boxes/" + id, flash, locale);
    }

    @PostMapping("/stacks/boxes/{id}/entries")
    String fillBox(@PathVariable long id, @RequestParam(required = false) String entries, Viewer viewer,
            RedirectAttributes flash, Locale locale) {
        return done(() -> {
            locations.putInBox(lines(entries), boxes.box(id).number(), viewer);
            return "/stacks/boxes/" + id;
        }, "/stacks/boxes/" + id, flash, locale);
    }

    @PostMapping("/stacks/moves/shelve")
    String shelve(@RequestParam(required = false) String entries, @RequestParam(required = false) String location,
            @RequestParam(required = false) String box, @RequestParam(required = false) String room, Viewer viewer,
            RedirectAttributes flash, Locale locale) {
        return done(() -> {
            if (box != null && !box.isBlank()) {
                locations.putInBox(lines(entries), box, viewer);
            } else {
                locations.placeAll(lines(entries), location, viewer);
            }
            return back(room);
        }, back(room), flash, locale);
    }

    @PostMapping("/stacks/moves/out")
    String takeOut(@RequestParam(required = false) String target, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String note,
            @RequestParam(required = false) String due, @RequestParam(required = false) String back,
            Viewer viewer, RedirectAttributes flash, Locale locale) {
        MoveReason r = Arrays.stream(MoveReason.values()).filter(x -> x.name().equals(reason)).findFirst()
                .orElse(null);
        return done(() -> {
            moves.takeOut(target(target, reference), r, note, day(due), viewer);
            return safe(back);
        }, safe(back), flash, locale);
    }

    @PostMapping("/stacks/moves/in")
    String giveBack(@RequestParam(required = false) String target, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String back, Viewer viewer, RedirectAttributes flash, Locale locale) {
        return done(() -> {
            moves.giveBack(target(target, reference), viewer);
            return safe(back);
        }, safe(back), flash, locale);
    }

    @GetMapping("/stacks/boxes/{id}/label.pdf")
    ResponseEntity<byte[]> boxLabel(@PathVariable long id, Locale locale) {
        return pdf(labels.boxLabel(id, locale), "box-" + id + "-label.pdf");
    }

    @GetMapping("/stacks/rooms/{code}/labels.pdf")
    ResponseEntity<byte[]> shelfLabels(@PathVariable String code, @RequestParam(required = false) Integer row,
            Locale locale) {
        return pdf(labels.shelfLabels(code, row, locale), "room-" + code + "-labels.pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }

    /** Does the work and goes where it says; on a refusal goes back with the reason said. */
    private String done(Supplier<String> work, String back, RedirectAttributes flash, Locale locale) {
        try {
            return "redirect:" + work.get();
        } catch (StacksProblem e) {
            flash.addFlashAttribute("problem", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
            return "redirect:" + back;
        }
    }

    private static Target target(String kind, String reference) {
        return "box".equals(kind) ? Target.box(reference) : Target.entry(reference);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,，;；]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** A count as typed; anything but 1 to 3 digits reads as 0, which the room's layout check refuses. */
    private static int count(String text) {
        return text != null && text.strip().matches("[0-9]{1,3}") ? Integer.parseInt(text.strip()) : 0;
    }

    private static Integer year(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("[0-9]{4}")) {
            throw new StacksProblem(422, "stacks.box.bad-contents", Boxes.MAX_TITLE);
        }
        return Integer.parseInt(text.strip());
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String back(String room) {
        return room == null || !Rooms.CODE.matcher(room).matches() ? "/stacks" : "/stacks?room=" + room;
    }

    /** Only the stacks' own pages are gone back to. */
    private static String safe(String back) {
        return back != null && back.matches("/stacks(/boxes/[0-9]{1,18}|\\?room=[A-Za-z0-9-]{1,16}(&cell=[0-9-]{3,7})?)?")
                ? back : "/stacks";
    }
}
