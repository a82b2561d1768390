-- One number that moves on with every committed change that can change anyone's effective permissions (an account's
-- roles, groups, clearance, duty, unit, password, enabled state; a role's rights or scope; a group's roles; a unit's
-- fonds or place). Each request reads it (one indexed single-row read) to know whether the permissions it computed
-- before still hold, on every application node.
CREATE TABLE permission_generation (
    id              INT          PRIMARY KEY,
    generation      BIGINT       NOT NULL,
    CONSTRAINT permission_generation_one_row CHECK (id = 1)
);

INSERT INTO permission_generation (id, generation) VALUES (1, 0);
