package cn.lantai.stacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.stacks.internal.RoomStore;
import cn.lantai.stacks.internal.locations.BoxStore;
import cn.lantai.stacks.internal.locations.LabelSheets;
import cn.lantai.stacks.internal.locations.LabelSheets.Label;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Printable labels (PDF, A4 sheets): a box's label (its number, fonds, year, category or title, its place, and a QR
 * code of the box's page) and the shelves' labels of a room (each shelf's location code, and its QR code holding the
 * same code). Chinese text is drawn with the archive's CJK font ({@code lantai.fonts.cjk}, found by the audit module).
 */
@Service
public class ShelfLabels {

    /** Labels to a sheet: boxes 2 × 4, shelves 3 × 8. */
    public static final int BOX_COLUMNS = 2;
    public static final int BOX_ROWS = 4;
    public static final int SHELF_COLUMNS = 3;
    public static final int SHELF_ROWS = 8;
    /** The most shelf labels in one file: a larger room is printed a row (列) at a time. */
    public static final int MAX_LABELS = 2400;

    private final BoxStore boxes;
    private final RoomStore rooms;
    private final ArchiveSeal seal;
    private final MessageSource messages;
    private final String baseUrl;

    ShelfLabels(BoxStore boxes, RoomStore rooms, ArchiveSeal seal, MessageSource messages,
            @Value("${lantai.stacks.label-url:${lantai.access.public-url:}}") String baseUrl) {
        this.boxes = boxes;
        this.rooms = rooms;
        this.seal = seal;
        this.messages = messages;
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    }

    /** What a box's QR code holds: the address of its page (the path alone when no address is configured). */
    public String boxQr(long id) {
        return baseUrl + "/stacks/boxes/" + id;
    }

    /**
     * The box's label, one to a sheet.
     *
     * @throws StacksProblem 404 {@code stacks.box.unknown}; 503 {@code stacks.labels.no-font}
     */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public byte[] boxLabel(long id, Locale locale) {
        Box box = boxes.find(id).orElseThrow(() -> new StacksProblem(404, "stacks.box.unknown", id));
        List<String> lines = new ArrayList<>();
        lines.add(text("stacks.label.box", locale, box.number()));
        if (box.fonds() != null) {
            lines.add(text("stacks.label.fonds", locale, box.fonds()));
        }
        if (box.year() != null || box.category() != null) {
            lines.add(text("stacks.label.year", locale, box.year() == null ? "" : box.year().toString(),
                    box.category() == null ? "" : box.category()));
        }
        if (box.title() != null) {
            lines.add(box.title());
        }
        lines.add(text("stacks.label.location", locale, box.location() == null ? "—" : box.location().toString()));
        return LabelSheets.render(List.of(new Label(lines, boxQr(id))), BOX_COLUMNS, BOX_ROWS, font());
    }

    /**
     * The labels of every shelf of the room, or of one row ({@code row} not null), in order of row, section, shelf.
     *
     * @throws StacksProblem 404 {@code stacks.location.no-room}; 422 {@code stacks.labels.bad-row},
     *         {@code stacks.labels.too-many}; 503 {@code stacks.labels.no-font}
     */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public byte[] shelfLabels(String roomCode, Integer row, Locale locale) {
        String code = roomCode == null ? "" : roomCode.strip();
        Room room = rooms.find(code).orElseThrow(() -> new StacksProblem(404, "stacks.location.no-room",
                code.length() > 16 ? code.substring(0, 16) + "…" : code));
        if (row != null && (row < 1 || row > room.rows())) {
            throw new StacksProblem(422, "stacks.labels.bad-row", room.code(), room.rows());
        }
        int rowsPrinted = row == null ? room.rows() : 1;
        long count = (long) rowsPrinted * room.sections() * room.shelves();
        if (count > MAX_LABELS) {
            throw new StacksProblem(422, "stacks.labels.too-many", count, MAX_LABELS);
        }
        List<Label> labels = new ArrayList<>();
        for (int r = row == null ? 1 : row; r <= (row == null ? room.rows() : row); r++) {
            for (int s = 1; s <= room.sections(); s++) {
                for (int f = 1; f <= room.shelves(); f++) {
                    Location at = new Location(room.code(), r, s, f);
                    labels.add(new Label(List.of(at.toString(), room.name(),
                            text("stacks.label.shelf", locale, r, s, f)), at.toString()));
                }
            }
        }
        return LabelSheets.render(labels, SHELF_COLUMNS, SHELF_ROWS, font());
    }

    private Path font() {
        return seal.cjkFont().orElseThrow(() -> new StacksProblem(503, "stacks.labels.no-font"));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
