-- Units' online filings (增量电子化, issue 10): one row per receipt. A filing that passed claims its (unit, sourceId)
-- through "claim" (the sourceId), so a repeat, even a concurrent one, finds the first receipt; a failed filing keeps
-- its receipt but claims nothing (claim NULL: NULLs never collide), so the unit may file the corrected record again.
CREATE TABLE filing (
    receipt_id    VARCHAR(36)     NOT NULL PRIMARY KEY,
    unit_code     VARCHAR(50)     NOT NULL,
    source_id     VARCHAR(200)    NOT NULL,
    claim         VARCHAR(200),
    result        VARCHAR(4)      NOT NULL,
    -- RECEIVED: catalogued, its files wait in the filing's work folder for the store; STORED; REFUSED (FAIL)
    state         VARCHAR(10)     NOT NULL,
    item_id       BIGINT,
    receipt       VARCHAR(1000000) NOT NULL,
    signature     VARCHAR(20000)  NOT NULL,
    filed_by      VARCHAR(100)    NOT NULL,
    filed_at      TIMESTAMP       NOT NULL,
    CONSTRAINT filing_claim UNIQUE (unit_code, claim)
);
CREATE INDEX filing_state ON filing (state);

-- The four-properties check of stored records (DA/T 70 and 92): one run per job, one result per record checked, so
-- a run resumes after the last record whose result was written.
CREATE TABLE record_check_run (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    scope       VARCHAR(10)  NOT NULL,
    started_by  VARCHAR(100) NOT NULL,
    started_at  TIMESTAMP    NOT NULL,
    finished_at TIMESTAMP
);

CREATE TABLE record_check_result (
    run_id        VARCHAR(36)      NOT NULL,
    item_id       BIGINT           NOT NULL,
    archival_code VARCHAR(200),
    passed        BOOLEAN          NOT NULL,
    checks        VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (run_id, item_id)
);
