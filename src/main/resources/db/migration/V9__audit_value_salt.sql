-- The salt of the audit trail's digests of a change's values (ValueDigest): 32 hex digits, kept beside the values,
-- which the trail no longer holds. Null for a field the trail shows in clear, and for changes recorded before.
ALTER TABLE item_change ADD COLUMN salt VARCHAR(32);
