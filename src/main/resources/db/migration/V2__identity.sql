-- Identity: organisation units, groups, accounts, roles with rights and data scopes, personal access tokens.

-- Organisation units (机构) in a hierarchy; a unit that forms a fonds (立档单位) names its 全宗号.
CREATE TABLE org_unit (
    code            VARCHAR(32)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    parent_code     VARCHAR(32)  REFERENCES org_unit(code),
    fonds_code      VARCHAR(4)
);

CREATE TABLE user_group (
    code            VARCHAR(32)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL
);

-- admin_duty is one column, so no account can ever hold two of the three separated administrator duties.
CREATE TABLE account (
    username        VARCHAR(64)  PRIMARY KEY,
    display_name    VARCHAR(100) NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    unit_code       VARCHAR(32)  REFERENCES org_unit(code),
    clearance       VARCHAR(16)  NOT NULL,
    admin_duty      VARCHAR(16),
    enabled         BOOLEAN      NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    failed_attempts INT          NOT NULL,
    locked_until    TIMESTAMP,
    session_epoch   INT          NOT NULL,
    password_changed_at TIMESTAMP NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT account_duty CHECK (admin_duty IS NULL OR admin_duty IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDITOR'))
);

CREATE TABLE role (
    code            VARCHAR(32)  PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    sees_unopened   BOOLEAN      NOT NULL,
    own_unit_only   BOOLEAN      NOT NULL,
    built_in        BOOLEAN      NOT NULL
);

CREATE TABLE role_right (
    role_code       VARCHAR(32)  NOT NULL REFERENCES role(code) ON DELETE CASCADE,
    right_code      VARCHAR(32)  NOT NULL,
    PRIMARY KEY (role_code, right_code)
);

-- Data scope: the fonds (kind F) and categories (kind C) a role reaches; none of a kind means all of that kind.
CREATE TABLE role_scope (
    role_code       VARCHAR(32)  NOT NULL REFERENCES role(code) ON DELETE CASCADE,
    kind            CHAR(1)      NOT NULL,
    code            VARCHAR(8)   NOT NULL,
    PRIMARY KEY (role_code, kind, code)
);

CREATE TABLE account_role (
    username        VARCHAR(64)  NOT NULL REFERENCES account(username) ON DELETE CASCADE,
    role_code       VARCHAR(32)  NOT NULL REFERENCES role(code) ON DELETE CASCADE,
    PRIMARY KEY (username, role_code)
);

CREATE TABLE group_member (
    group_code      VARCHAR(32)  NOT NULL REFERENCES user_group(code) ON DELETE CASCADE,
    username        VARCHAR(64)  NOT NULL REFERENCES account(username) ON DELETE CASCADE,
    PRIMARY KEY (group_code, username)
);

CREATE TABLE group_role (
    group_code      VARCHAR(32)  NOT NULL REFERENCES user_group(code) ON DELETE CASCADE,
    role_code       VARCHAR(32)  NOT NULL REFERENCES role(code) ON DELETE CASCADE,
    PRIMARY KEY (group_code, role_code)
);

-- Personal access tokens for the REST API: only a SHA-256 digest of the secret is kept.
CREATE TABLE access_token (
    id              VARCHAR(36)  PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL REFERENCES account(username) ON DELETE CASCADE,
    name            VARCHAR(100) NOT NULL,
    secret_digest   VARCHAR(64)  NOT NULL UNIQUE,
    created_at      TIMESTAMP    NOT NULL,
    expires_at      TIMESTAMP    NOT NULL,
    revoked_at      TIMESTAMP,
    last_used_at    TIMESTAMP
);

-- The archive's own roles (DOMAIN: 接收, 著录, 数字化, 鉴定, 利用, 库房, 执法, 立档单位档案员, 公众).
INSERT INTO role (code, name, sees_unopened, own_unit_only, built_in) VALUES
    ('RECEIVING', '接收', TRUE, FALSE, TRUE),
    ('CATALOGUING', '著录', TRUE, FALSE, TRUE),
    ('DIGITIZATION', '数字化', TRUE, FALSE, TRUE),
    ('APPRAISAL', '鉴定', TRUE, FALSE, TRUE),
    ('READING_ROOM', '利用', TRUE, FALSE, TRUE),
    ('STACKS', '库房', TRUE, FALSE, TRUE),
    ('INSPECTION', '执法', FALSE, FALSE, TRUE),
    ('UNIT_ARCHIVIST', '立档单位档案员', TRUE, TRUE, TRUE),
    ('PUBLIC', '公众', FALSE, FALSE, TRUE);

INSERT INTO role_right (role_code, right_code) VALUES
    ('RECEIVING', 'RECEIVE'), ('RECEIVING', 'CATALOG_IMPORT'),
    ('CATALOGUING', 'CATALOG_EDIT'), ('CATALOGUING', 'CATALOG_IMPORT'), ('CATALOGUING', 'CATALOG_EXPORT'),
    ('CATALOGUING', 'CATALOG_DEFINE'),
    ('DIGITIZATION', 'DIGITIZE'),
    ('APPRAISAL', 'APPRAISE'),
    ('READING_ROOM', 'SERVE_READERS'), ('READING_ROOM', 'CATALOG_EXPORT'),
    ('STACKS', 'MANAGE_STACKS'),
    ('INSPECTION', 'INSPECT'),
    ('UNIT_ARCHIVIST', 'PREPARE_TRANSFER'), ('UNIT_ARCHIVIST', 'CATALOG_IMPORT');
