-- Platform: organisations, accounts, roles, tokens, signing keys, audit log, mail outbox.
-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

CREATE TABLE organisation (
    id          UUID PRIMARY KEY,
    name_ko     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    parent_id   UUID REFERENCES organisation (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT organisation_kind CHECK (kind IN ('MINISTRY', 'AGENCY'))
);
CREATE INDEX organisation_parent ON organisation (parent_id);

CREATE TABLE account (
    id                    UUID PRIMARY KEY,
    email                 VARCHAR(254) NOT NULL,
    password_hash         VARCHAR(200) NOT NULL,
    display_name          VARCHAR(80)  NOT NULL,
    locale                VARCHAR(5)   NOT NULL DEFAULT 'ko',
    identity_level        VARCHAR(20)  NOT NULL DEFAULT 'UNVERIFIED',
    email_verified_at     TIMESTAMP WITH TIME ZONE,
    resident_verified_at  TIMESTAMP WITH TIME ZONE,
    resident_verified_by  UUID REFERENCES account (id),
    resident_district     VARCHAR(100),
    totp_secret           VARCHAR(64),
    totp_enabled          BOOLEAN NOT NULL DEFAULT FALSE,
    totp_last_step        BIGINT NOT NULL DEFAULT 0,
    failed_sign_ins       INTEGER NOT NULL DEFAULT 0,
    locked_until          TIMESTAMP WITH TIME ZONE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT account_email UNIQUE (email),
    CONSTRAINT account_identity_level CHECK (identity_level IN ('UNVERIFIED', 'REGISTERED', 'VERIFIED_RESIDENT'))
);

-- scope is '' for unscoped roles and the organisation id for OFFICIAL and ORG_ADMIN, so the unique key needs no NULLs
CREATE TABLE role_grant (
    id              UUID PRIMARY KEY,
    account_id      UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role            VARCHAR(20) NOT NULL,
    organisation_id UUID REFERENCES organisation (id),
    scope           VARCHAR(36) NOT NULL,
    granted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by      UUID,
    CONSTRAINT role_grant_unique UNIQUE (account_id, role, scope)
);

-- one-time and refresh tokens; only a SHA-256 of the secret is stored
CREATE TABLE account_token (
    id          UUID PRIMARY KEY,
    account_id  UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose     VARCHAR(30) NOT NULL,
    token_hash  VARCHAR(64) NOT NULL,
    payload     VARCHAR(254),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_token_hash UNIQUE (token_hash)
);
CREATE INDEX account_token_account ON account_token (account_id, purpose);

CREATE TABLE signing_key (
    kid          VARCHAR(64) PRIMARY KEY,
    private_jwk  VARCHAR(2000) NOT NULL,
    public_jwk   VARCHAR(1000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at TIMESTAMP WITH TIME ZONE,
    retired_at   TIMESTAMP WITH TIME ZONE
);

CREATE TABLE audit_entry (
    seq            BIGINT PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(100) NOT NULL,
    action         VARCHAR(100) NOT NULL,
    target         VARCHAR(200) NOT NULL,
    detail         VARCHAR(2000) NOT NULL,
    previous_hash  VARCHAR(64) NOT NULL,
    hash           VARCHAR(64) NOT NULL
);

-- the chain's head, locked while an entry is appended so that appends are serialised across instances
CREATE TABLE audit_head (
    id         INTEGER PRIMARY KEY,
    last_seq   BIGINT NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE mail_outbox (
    id          UUID PRIMARY KEY,
    recipient   VARCHAR(254) NOT NULL,
    subject     VARCHAR(300) NOT NULL,
    body        VARCHAR(20000) NOT NULL,
    status      VARCHAR(10) NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_outbox_status ON mail_outbox (status, created_at);
