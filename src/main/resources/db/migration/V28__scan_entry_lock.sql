-- One row per entry that scan batches have attached to (issue 11, review finding 5): a batch locks its entry's row
-- (SELECT … FOR UPDATE) around storing the masters and recording the page ledger, so two batches attaching the same
-- entry at once take turns, and the ledger always names what the store's head holds.
CREATE TABLE scan_entry_lock (
    item_id  BIGINT  NOT NULL PRIMARY KEY
);

