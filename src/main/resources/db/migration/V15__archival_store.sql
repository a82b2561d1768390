-- What the archival store (OCFL, <data-dir>/store) holds, kept beside it for listing and planning audits; derived
-- from the store's objects and rebuilt from them, never the other way round.
CREATE TABLE stored_object (
    item_id      BIGINT       NOT NULL PRIMARY KEY,
    object_id    VARCHAR(100) NOT NULL UNIQUE,
    head_version INT          NOT NULL,
    description_sha256 CHAR(64),
    updated_at   TIMESTAMP    NOT NULL
);

CREATE TABLE stored_file (
    item_id   BIGINT        NOT NULL,
    name      VARCHAR(1000) NOT NULL,
    version   INT           NOT NULL,
    size      BIGINT        NOT NULL,
    format    VARCHAR(200)  NOT NULL,
    sha256    CHAR(64)      NOT NULL,
    sm3       CHAR(64)      NOT NULL,
    stored_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (item_id, name)
);
