-- One row per entry that scan batches have attached to (issue 11, review finding 5): a batch locks its entry's row
-- (SELECT … FOR UPDATE) around storing the masters and recording the page ledger, so two batches attaching the same
-- entry at once take turns, and the ledger always names what the store's head holds.
CREATE TABLE scan_entry_lock (
    item_id  BIGINT  NOT NULL PRIMARY KEY
);

-- A problem's reason is a key of the message bundles (digitization.problem.*) put in words in the reader's language;
-- its arguments, a JSON array of strings, are here (a reason recorded before is its own words, without arguments).
ALTER TABLE scan_batch_problem ADD COLUMN reason_args VARCHAR(4000);
