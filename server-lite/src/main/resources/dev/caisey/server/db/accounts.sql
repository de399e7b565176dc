-- Accounts, organisations, endpoints and tokens: owned by dev.caisey.server.auth.
-- Every time is UTC microseconds since the epoch (BIGINT), like the record's "at".
-- Secrets are never stored: token columns hold the lower-case hex SHA-256 of the token text,
-- password_hash holds an Argon2id PHC string.

CREATE TABLE IF NOT EXISTS organisations (
    id VARCHAR(128) PRIMARY KEY,
    name VARCHAR(1000) NOT NULL UNIQUE,
    time_zone VARCHAR(64) NOT NULL,
    sla_target_minutes INT NOT NULL,
    approval_policy VARCHAR(16) NOT NULL,
    ticket_reference_required BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
);

-- organisation_id NULL: the account works for every organisation.
CREATE TABLE IF NOT EXISTS users (
    id VARCHAR(128) PRIMARY KEY,
    name VARCHAR(1000) NOT NULL UNIQUE,
    display_name VARCHAR(1000) NOT NULL,
    role VARCHAR(16) NOT NULL,
    organisation_id VARCHAR(128) REFERENCES organisations (id),
    password_hash VARCHAR(256) NOT NULL,
    failed_attempts INT DEFAULT 0 NOT NULL,
    locked_until BIGINT,
    created_at BIGINT NOT NULL,
    disabled BOOLEAN DEFAULT FALSE NOT NULL
);

CREATE TABLE IF NOT EXISTS session_tokens (
    token_hash CHAR(64) PRIMARY KEY,
    user_id VARCHAR(128) NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS session_tokens_user ON session_tokens (user_id);

CREATE TABLE IF NOT EXISTS enrollment_tokens (
    id VARCHAR(128) PRIMARY KEY,
    token_hash CHAR(64) NOT NULL UNIQUE,
    organisation_id VARCHAR(128) NOT NULL REFERENCES organisations (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    max_uses INT NOT NULL,
    uses INT DEFAULT 0 NOT NULL,
    revoked_at BIGINT
);

-- One agent per endpoint; key_id is the lower-case hex SHA-256 of the public key's SPKI DER.
CREATE TABLE IF NOT EXISTS endpoints (
    id VARCHAR(128) PRIMARY KEY,
    agent_id VARCHAR(128) NOT NULL UNIQUE,
    organisation_id VARCHAR(128) NOT NULL REFERENCES organisations (id),
    public_key VARCHAR(200) NOT NULL,
    key_id CHAR(64) NOT NULL UNIQUE,
    hostname VARCHAR(1000) NOT NULL,
    os VARCHAR(1000) NOT NULL,
    agent_version VARCHAR(128) NOT NULL,
    enrolled_at BIGINT NOT NULL,
    enrollment_token_id VARCHAR(128) REFERENCES enrollment_tokens (id),
    last_seen_at BIGINT,
    revoked_at BIGINT
);

CREATE INDEX IF NOT EXISTS endpoints_organisation ON endpoints (organisation_id);

-- Share links: each opens exactly one closed session's record, read-only, until it expires or is revoked.
CREATE TABLE IF NOT EXISTS share_tokens (
    id VARCHAR(64) PRIMARY KEY,
    token_hash CHAR(64) NOT NULL UNIQUE,
    session_id VARCHAR(128) NOT NULL,
    created_by VARCHAR(64) NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS share_tokens_session ON share_tokens(session_id);
