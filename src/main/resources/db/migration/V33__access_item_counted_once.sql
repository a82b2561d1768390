-- A file (卷) or item (件) is counted used (卷次/件次) once per visit, whether the desk entered its 档号 (once or
-- again) or the visitor viewed it under a request filed for that visit; a staff member's own request (no visit)
-- counts it once per request. A row here is the first count; the unique index makes a second one insert nothing
-- (INSERT ... ON CONFLICT DO NOTHING, on H2 and PostgreSQL), so the ledger is written only for the first.
-- scope: 'visit:<id>' or 'request:<id>'.
CREATE TABLE access_item_counted (
    scope       VARCHAR(40)   NOT NULL,
    item_level  VARCHAR(10)   NOT NULL,
    ref_id      BIGINT        NOT NULL,
    at          TIMESTAMP     NOT NULL
);
CREATE UNIQUE INDEX access_item_counted_once ON access_item_counted (scope, item_level, ref_id);
