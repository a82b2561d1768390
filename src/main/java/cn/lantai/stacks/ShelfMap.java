package cn.lantai.stacks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One room's shelves as the map shows them: for each cell (a row's section, 列×节) how many boxes and entries stand on
 * its shelves and how many of them are out; for each shelf (层) its boxes and its 卷 and 件, loose or in those boxes.
 */
public final class ShelfMap {

    /** The figures of one cell of the map. */
    public record Cell(int row, int section, int boxes, int entries, int out) {

        public boolean empty() {
            return boxes == 0 && entries == 0;
        }
    }

    /** What stands on one shelf. */
    public record Shelf(Location location, List<Box> boxes, List<Placed> entries) {
    }

    private final Room room;
    private final List<Box> boxes;
    private final List<Placed> entries;
    private final Set<String> out;
    private final Map<Long, Cell> cells = new HashMap<>();

    ShelfMap(Room room, List<Box> boxes, List<Placed> entries, Set<String> out) {
        this.room = room;
        this.boxes = List.copyOf(boxes);
        this.entries = List.copyOf(entries);
        this.out = Set.copyOf(out);
        for (Box b : boxes) {
            add(b.location(), 1, 0, isOut(b) ? 1 : 0);
        }
        for (Placed p : entries) {
            add(p.location(), 0, 1, isOut(p) ? 1 : 0);
        }
    }

    private void add(Location at, int box, int entry, int isOut) {
        cells.merge(key(at.row(), at.section()), new Cell(at.row(), at.section(), box, entry, isOut),
                (a, b) -> new Cell(a.row(), a.section(), a.boxes() + b.boxes(), a.entries() + b.entries(),
                        a.out() + b.out()));
    }

    private static long key(int row, int section) {
        return (long) row * 1000 + section;
    }

    public Room room() {
        return room;
    }

    /** The figures of the cell at this row and section. */
    public Cell cell(int row, int section) {
        return cells.getOrDefault(key(row, section), new Cell(row, section, 0, 0, 0));
    }

    /** Whether nothing stands in the room. */
    public boolean empty() {
        return cells.isEmpty();
    }

    /** The cell's shelves, from the first (层) up, with what stands on each. */
    public List<Shelf> shelves(int row, int section) {
        List<Shelf> shelves = new ArrayList<>();
        for (int shelf = 1; shelf <= room.shelves(); shelf++) {
            Location at = new Location(room.code(), row, section, shelf);
            shelves.add(new Shelf(at, boxes.stream().filter(b -> at.equals(b.location())).toList(),
                    entries.stream().filter(p -> at.equals(p.location())).toList()));
        }
        return shelves;
    }

    public boolean isOut(Box box) {
        return out.contains(Kept.BOX.name() + ":" + box.id());
    }

    /** Whether the entry is out, by itself or with its box. */
    public boolean isOut(Placed entry) {
        return out.contains(entry.kind().name() + ":" + entry.id())
                || entry.boxId() != null && out.contains(Kept.BOX.name() + ":" + entry.boxId());
    }
}
