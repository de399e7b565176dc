-- E-mail of reports to client organisations: owned by dev.caisey.server.mail.
-- Every time is UTC microseconds since the epoch (BIGINT). The SMTP password is not stored here: the server
-- reads it when it starts (CAISEY_SMTP_PASSWORD or --smtp-password-file), so the database holds no secret.

-- At most one row: the mail server reports go out through.
CREATE TABLE IF NOT EXISTS smtp_settings (
    id INT PRIMARY KEY CHECK (id = 1),
    host VARCHAR(253) NOT NULL,
    port INT NOT NULL,
    security VARCHAR(16) NOT NULL,
    user_name VARCHAR(1000),
    from_address VARCHAR(254) NOT NULL,
    connect_timeout_millis INT NOT NULL,
    read_timeout_millis INT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Where an organisation's reports go; they go with the organisation.
CREATE TABLE IF NOT EXISTS organisation_emails (
    organisation_id VARCHAR(128) NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    address VARCHAR(254) NOT NULL,
    PRIMARY KEY (organisation_id, address)
);

-- Reports waiting to be sent, and what became of them; a restart resumes every 'queued' or 'retrying' row.
-- recipients: the addresses when it was asked for, separated by commas.
CREATE TABLE IF NOT EXISTS mail_outbox (
    id VARCHAR(64) PRIMARY KEY,
    session_id VARCHAR(128) NOT NULL,
    requested_by VARCHAR(1000) NOT NULL,
    requested_role VARCHAR(16) NOT NULL,
    recipients VARCHAR(6000) NOT NULL,
    state VARCHAR(16) NOT NULL,
    attempts INT NOT NULL,
    next_attempt_at BIGINT,
    last_message VARCHAR(8000) NOT NULL,
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX IF NOT EXISTS mail_outbox_state ON mail_outbox (state);
