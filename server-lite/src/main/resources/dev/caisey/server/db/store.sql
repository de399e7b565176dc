-- Event store: owned by dev.caisey.server.store.
-- One row per event; body is the event's JSON exactly as EventCodec writes it. The other columns are copies for
-- indexes and listings. (session, seq) is the chain order; (session, event_id) refuses a resent event twice.
CREATE TABLE IF NOT EXISTS events (
    session VARCHAR(128) NOT NULL,
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    event_id VARCHAR(128) NOT NULL,
    type VARCHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL,
    body VARCHAR(1000000) NOT NULL,
    CONSTRAINT events_pk PRIMARY KEY (session, seq),
    CONSTRAINT events_event_id UNIQUE (session, event_id)
);

-- The end of each session's chain, updated in the same transaction as the events it follows.
CREATE TABLE IF NOT EXISTS event_heads (
    session VARCHAR(128) NOT NULL,
    seq BIGINT NOT NULL,
    hash CHAR(64) NOT NULL,
    at BIGINT NOT NULL,
    CONSTRAINT event_heads_pk PRIMARY KEY (session)
);

-- Signed checkpoints beside the chain; the store checks that each names a stored event, not the signature.
CREATE TABLE IF NOT EXISTS checkpoints (
    session VARCHAR(128) NOT NULL,
    seq BIGINT NOT NULL,
    hash CHAR(64) NOT NULL,
    at BIGINT NOT NULL,
    key_id CHAR(64) NOT NULL,
    signature VARCHAR(200) NOT NULL,
    CONSTRAINT checkpoints_pk PRIMARY KEY (session, seq)
);
