-- The audit trail (审计跟踪). One script for H2 and PostgreSQL: standard SQL types only.
--
-- Entries are numbered by the application under the head row's lock, not by a database sequence, so that a deleted
-- row shows as a gap. Each entry holds the SM3 digest of the entry before it (prev_digest) and its own digest over
-- prev_digest and its canonical content (see cn.lantai.audit.internal.ChainDigest). The time is kept as epoch
-- microseconds, so no column type's precision can change what was digested. The application never updates or
-- deletes an entry.
CREATE TABLE audit_entry (
    seq          BIGINT          PRIMARY KEY,
    at_micros    BIGINT          NOT NULL,
    actor        VARCHAR(200),
    address      VARCHAR(100),
    action       VARCHAR(100)    NOT NULL,
    target       VARCHAR(1000),
    before_state VARCHAR(1000000),
    after_state  VARCHAR(1000000),
    prev_digest  VARCHAR(64)     NOT NULL,
    digest       VARCHAR(64)     NOT NULL
);

-- The newest entry's number and digest: one row, locked (SELECT ... FOR UPDATE) by every append, so appends are
-- serialised and numbers stay contiguous. seq 0 with the all-zero digest is the empty trail.
CREATE TABLE audit_head (
    id           INT             PRIMARY KEY,
    seq          BIGINT          NOT NULL,
    digest       VARCHAR(64)     NOT NULL,
    CONSTRAINT audit_head_one_row CHECK (id = 1)
);

INSERT INTO audit_head (id, seq, digest) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
