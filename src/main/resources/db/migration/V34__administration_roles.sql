-- Issue 13: the rights and built-in roles of the bureau's administration. The stacks (库房, MANAGE_STACKS) and the
-- inspectors (执法, INSPECT) have had their roles since V2; exhibitions and compilations (编研展览) and the yearly
-- statistics (统计年报: the director's view) get theirs. Neither sees unopened records by its role alone.
INSERT INTO role (code, name, sees_unopened, own_unit_only, built_in) VALUES
    ('CURATION', '编研展览', FALSE, FALSE, TRUE),
    ('DIRECTOR', '馆领导', FALSE, FALSE, TRUE);
INSERT INTO role_right (role_code, right_code) VALUES
    ('CURATION', 'CURATE'),
    ('DIRECTOR', 'READ_STATISTICS');
