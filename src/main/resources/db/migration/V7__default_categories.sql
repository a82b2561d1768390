-- The categories (门类) a fresh archive starts with, so that a standard catalogue imports without first defining any.
-- This script only offers them: at the first start the application defines each one not yet defined, as the system
-- (an audited definition like any other), and removes the offer. A category an administrator later edits or deletes
-- is therefore never re-created or overwritten. Codes: WS and KJ as DOMAIN.md gives them (KJ 会计), the others as
-- archives commonly write them after DA/T 22-2015 / DA/T 13.
CREATE TABLE category_default (
    code            VARCHAR(2)   PRIMARY KEY,
    name            VARCHAR(100) NOT NULL
);

-- Offered to a fresh archive only: an archive upgraded with categories of its own gets none it did not choose.
INSERT INTO category_default (code, name)
SELECT v.code, v.name FROM (VALUES
    ('WS', '文书'),
    ('KJ', '会计'),
    ('ZP', '照片'),
    ('LY', '录音'),
    ('LX', '录像'),
    ('SW', '实物'),
    ('YW', '业务'),
    ('RS', '人事')) AS v (code, name)
WHERE NOT EXISTS (SELECT 1 FROM category);
