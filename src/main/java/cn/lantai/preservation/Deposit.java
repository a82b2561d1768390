package cn.lantai.preservation;

import cn.lantai.catalog.Item;
import java.util.List;

/**
 * What goes into one new version of a record's object: the record as the catalogue now describes it, the files to add
 * (a file of the same name is replaced by a new version of it; the old bytes stay in the older version), the events to
 * append to its PREMIS history, who deposits it and why.
 */
public record Deposit(Item item, List<ContentFile> files, List<PreservationEvent> events, String actor, String message) {

    public Deposit {
        files = files == null ? List.of() : List.copyOf(files);
        events = events == null ? List.of() : List.copyOf(events);
    }
}
