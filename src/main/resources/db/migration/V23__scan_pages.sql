-- The pages (画幅) attached to each entry (挂接, issue 11): which master file in the record's stored object, and which
-- page of it, each page number is. The images themselves are in the archival store.
CREATE TABLE scan_page (
    item_id      BIGINT        NOT NULL,
    page         INT           NOT NULL,
    master       VARCHAR(1000) NOT NULL,
    master_index INT           NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    width        INT           NOT NULL,
    height       INT           NOT NULL,
    dpi_x        INT           NOT NULL,
    dpi_y        INT           NOT NULL,
    colour_mode  VARCHAR(20)   NOT NULL,
    attached_at  TIMESTAMP     NOT NULL,
    PRIMARY KEY (item_id, page)
);
