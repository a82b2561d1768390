-- Issue 10: what accession needs of a unit (立档单位) beside its code and fonds: whom to call about its transfers.
-- Optional, one column each, lengths as the unit directory checks them.
ALTER TABLE org_unit ADD COLUMN contact_person VARCHAR(50);
ALTER TABLE org_unit ADD COLUMN contact_phone VARCHAR(40);
ALTER TABLE org_unit ADD COLUMN contact_address VARCHAR(200);
