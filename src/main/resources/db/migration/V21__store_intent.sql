-- An object the store is writing a version of: recorded (and committed) before the version is written, removed with
-- the listing's update. A row left behind by a crash or a failed listing update names an object whose listing may be
-- behind its head; the next start re-lists it from the store.
CREATE TABLE store_intent (
    item_id    BIGINT    NOT NULL PRIMARY KEY,
    started_at TIMESTAMP NOT NULL
);
