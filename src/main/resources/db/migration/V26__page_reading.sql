-- What OCR made of each attached page (issue 11): read or failed (with the reason), by which engine, from which
-- master (its SHA-256). A page whose row names the same master and engine is not read again when an OCR job resumes
-- after a restart; its text is in page_text.
CREATE TABLE page_reading (
    item_id BIGINT       NOT NULL,
    page    INT          NOT NULL,
    sha256  VARCHAR(64)  NOT NULL,
    engine  VARCHAR(100) NOT NULL,
    outcome VARCHAR(10)  NOT NULL,
    reason  VARCHAR(1000),
    read_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (item_id, page)
);
