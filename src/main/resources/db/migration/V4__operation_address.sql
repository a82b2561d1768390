-- Where a catalogue operation came from (the request's address), for the audit trail.
ALTER TABLE catalog_operation ADD COLUMN address VARCHAR(64);
