-- A fonds (全宗) is registered with more than its code and name: the unit that forms it (立档单位, an organisation
-- unit's code as the identity module keeps it), the years its records span (起止年度) and notes. One script for H2
-- and PostgreSQL: standard SQL types only; every new column may stay empty for fonds registered before.
ALTER TABLE fonds ADD COLUMN unit_code VARCHAR(32);
ALTER TABLE fonds ADD COLUMN start_year INT;
ALTER TABLE fonds ADD COLUMN end_year INT;
ALTER TABLE fonds ADD COLUMN notes VARCHAR(1000);
