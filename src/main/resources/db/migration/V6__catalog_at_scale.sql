-- The catalogue at archive sizes. One script for H2 and PostgreSQL.

-- An unnumbered import row is "the same record" as the item of its group with the same title, date and document
-- number (CatalogWriter): looked up for every such row, so it needs an index, not a scan of the group.
CREATE INDEX item_same_record ON item (group_key, title, doc_date);

-- Catalogue events name at most 1,000 items each (ItemsChanged.MAX_IDS, about 25 KB); the registry's column is
-- widened anyway, so an event of another module with a long payload fails nowhere near a user's request.
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE VARCHAR(1000000);
