-- The columns each person has chosen for the catalogue list (著录 list), in their order: keys of description fields,
-- "archivalCode", or "extra.<key>" for a category's own field. A preference, not a record: not audited.
CREATE TABLE list_columns (
    username VARCHAR(64)   NOT NULL PRIMARY KEY,
    columns  VARCHAR(2000) NOT NULL
);
