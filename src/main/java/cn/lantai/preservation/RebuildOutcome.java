package cn.lantai.preservation;

import java.util.List;

/**
 * What a rebuild of the catalogue from the store did.
 *
 * @param records  records put back into the catalogue
 * @param deleted  objects left out because their history ends in a deletion
 * @param files    files (卷) put back
 * @param indexed  items in the rebuilt search index
 * @param problems each object or definitions file that could not be put back, by its object id and path, with the
 *                 reason (never a record's content); empty when everything came back
 */
public record RebuildOutcome(long records, long deleted, long files, long indexed, List<String> problems) {

    public RebuildOutcome {
        problems = List.copyOf(problems);
    }
}
