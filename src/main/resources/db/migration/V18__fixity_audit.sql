-- The fixity audit (固定性检查): one row per run, the objects it has finished (so a run resumes where it stopped,
-- removed when the run ends) and every failure it found, kept for good.
CREATE TABLE fixity_audit (
    job_id        VARCHAR(36) NOT NULL PRIMARY KEY,
    started_by    VARCHAR(200) NOT NULL,
    started_at    TIMESTAMP    NOT NULL,
    finished_at   TIMESTAMP,
    objects_total BIGINT       NOT NULL DEFAULT 0,
    objects_done  BIGINT       NOT NULL DEFAULT 0,
    files_checked BIGINT       NOT NULL DEFAULT 0,
    bytes_checked BIGINT       NOT NULL DEFAULT 0,
    failures      BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX fixity_audit_started ON fixity_audit (started_at);

CREATE TABLE fixity_audit_object (
    job_id  VARCHAR(36) NOT NULL,
    item_id BIGINT      NOT NULL,
    PRIMARY KEY (job_id, item_id)
);

CREATE TABLE fixity_failure (
    job_id    VARCHAR(36)   NOT NULL,
    item_id   BIGINT        NOT NULL,
    file      VARCHAR(1000) NOT NULL,
    kind      VARCHAR(10)   NOT NULL CHECK (kind IN ('MISMATCH', 'MISSING')),
    expected  VARCHAR(200),
    actual    VARCHAR(1000),
    found_at  TIMESTAMP     NOT NULL,
    PRIMARY KEY (job_id, item_id, file)
);
