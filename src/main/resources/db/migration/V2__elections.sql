-- Elections: the server side of verifiable voting. The server is an untrusted relay: everything it
-- claims (board, tally, decryption) is published in the record and checked by the verifier.

CREATE TABLE election (
    id                  UUID PRIMARY KEY,
    title_ko            VARCHAR(200) NOT NULL,
    title_en            VARCHAR(200) NOT NULL,
    description_ko      VARCHAR(4000) NOT NULL,
    description_en      VARCHAR(4000) NOT NULL,
    group_name          VARCHAR(20)  NOT NULL,
    guardians           INTEGER NOT NULL,
    quorum              INTEGER NOT NULL,
    state               VARCHAR(20)  NOT NULL,
    opens_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    demo_trustees       BOOLEAN NOT NULL,
    manifest_form       TEXT,
    manifest_json       TEXT,
    manifest_hash       VARCHAR(64),
    config_json         TEXT,
    initialized_json    TEXT,
    extended_base_hash  VARCHAR(64),
    receipt_private_jwk TEXT,
    receipt_public_jwk  TEXT,
    ceremony_failure    VARCHAR(600),
    board_size          BIGINT NOT NULL DEFAULT 0,
    board_head          VARCHAR(64),
    tally_json          TEXT,
    tally_progress      BIGINT NOT NULL DEFAULT 0,
    tally_total         BIGINT NOT NULL DEFAULT 0,
    decryption_batch    VARCHAR(36),
    decryption_available VARCHAR(100),
    result_json         TEXT,
    created_by          UUID NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT election_group CHECK (group_name IN ('P-256', 'Integer4096')),
    CONSTRAINT election_state CHECK (state IN ('DRAFT', 'KEY_CEREMONY', 'READY', 'OPEN', 'CLOSED', 'TALLYING',
                                               'DECRYPTED', 'PUBLISHED', 'CANCELLED')),
    CONSTRAINT election_quorum CHECK (quorum >= 1 AND quorum <= guardians)
);
CREATE INDEX election_state_idx ON election (state, opens_at);

-- the roll: an account (verified resident or imported by e-mail) and, once registered, its public credential
CREATE TABLE election_voter (
    id            UUID PRIMARY KEY,
    election_id   UUID NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    email         VARCHAR(254) NOT NULL,
    account_id    UUID REFERENCES account (id),
    district      VARCHAR(64) NOT NULL,
    ballot_style  VARCHAR(64) NOT NULL,
    source        VARCHAR(10) NOT NULL,
    credential    VARCHAR(66),
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT election_voter_email UNIQUE (election_id, email),
    CONSTRAINT election_voter_credential UNIQUE (election_id, credential)
);
CREATE INDEX election_voter_account ON election_voter (account_id);

CREATE TABLE election_trustee (
    election_id      UUID NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    guardian_id      VARCHAR(64) NOT NULL,
    x_coordinate     INTEGER NOT NULL,
    account_id       UUID REFERENCES account (id),
    announcement     TEXT,
    shares_sent      BOOLEAN NOT NULL DEFAULT FALSE,
    confirmed_key    VARCHAR(1100),
    participating    BOOLEAN NOT NULL DEFAULT FALSE,
    -- only for demo elections, where the server plays every trustee (labelled insecure everywhere)
    demo_secret      TEXT,
    PRIMARY KEY (election_id, guardian_id),
    CONSTRAINT election_trustee_x UNIQUE (election_id, x_coordinate)
);

CREATE TABLE ceremony_share (
    election_id  UUID NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    sender       VARCHAR(64) NOT NULL,
    recipient    VARCHAR(64) NOT NULL,
    share_json   TEXT NOT NULL,
    PRIMARY KEY (election_id, sender, recipient)
);

-- the public bulletin board: a hash chain per election; position 1 follows H_E
CREATE TABLE board_entry (
    election_id        UUID NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    position           BIGINT NOT NULL,
    kind               VARCHAR(10) NOT NULL,
    ballot_id          VARCHAR(100) NOT NULL,
    confirmation_code  VARCHAR(64) NOT NULL,
    credential         VARCHAR(66) NOT NULL,
    signature          VARCHAR(128) NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_hash      VARCHAR(64) NOT NULL,
    entry_hash         VARCHAR(64) NOT NULL,
    receipt            VARCHAR(2000) NOT NULL,
    ballot_json        TEXT NOT NULL,
    PRIMARY KEY (election_id, position),
    CONSTRAINT board_entry_code UNIQUE (election_id, confirmation_code),
    CONSTRAINT board_entry_ballot UNIQUE (election_id, ballot_id),
    CONSTRAINT board_entry_kind CHECK (kind IN ('CAST', 'CHALLENGE'))
);
CREATE INDEX board_entry_credential ON board_entry (election_id, credential, position);

CREATE TABLE decryption_message (
    election_id  UUID NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    batch_id     VARCHAR(36) NOT NULL,
    round        VARCHAR(10) NOT NULL,
    guardian_id  VARCHAR(64) NOT NULL,
    message_json TEXT NOT NULL,
    PRIMARY KEY (election_id, batch_id, round, guardian_id)
);

-- the published record, file by file (JSON text), written once at PUBLISHED
CREATE TABLE election_record_file (
    election_id  UUID NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    path         VARCHAR(300) NOT NULL,
    content      TEXT NOT NULL,
    PRIMARY KEY (election_id, path)
);
