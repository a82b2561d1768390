-- The text OCR read on each attached page (issue 11), with its words' boxes as JSON for PDF text layers.
CREATE TABLE page_text (
    item_id BIGINT       NOT NULL,
    page    INT          NOT NULL,
    engine  VARCHAR(100) NOT NULL,
    text    TEXT         NOT NULL,
    words   TEXT         NOT NULL,
    read_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (item_id, page)
);
