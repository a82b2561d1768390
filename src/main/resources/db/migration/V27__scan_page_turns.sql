-- The quarter turns clockwise (0-3) that make each attached page upright (issue 11): the batch's fixed rotation, or
-- the orientation the OCR engine detected for a batch with rotate=auto. Applied to what is made from the master
-- (IIIF tiles, derivatives, OCR); the master stays as scanned.
ALTER TABLE scan_page ADD COLUMN turns SMALLINT NOT NULL DEFAULT 0;
