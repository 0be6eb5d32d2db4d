-- Policy consultations (legislative notice): a ministry's draft open for comment, the comments and the office's
-- answer to each, and Pol.is-style statements with their votes for the opinion map.

CREATE TABLE consultation (
    id                    UUID PRIMARY KEY,
    organisation_id       UUID NOT NULL REFERENCES organisation (id),
    kind                  VARCHAR(30)  NOT NULL,
    title                 VARCHAR(200) NOT NULL,
    summary               VARCHAR(4000) NOT NULL,
    questions             TEXT NOT NULL,
    state                 VARCHAR(20)  NOT NULL,
    opens_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    short_notice_reason   VARCHAR(2000),
    opinion_seed          BIGINT NOT NULL,
    created_by            UUID NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT consultation_state CHECK (state IN ('DRAFT', 'OPEN', 'CLOSED', 'RESPONDED', 'WITHDRAWN')),
    CONSTRAINT consultation_kind CHECK (kind IN ('LAW', 'PRESIDENTIAL_DECREE', 'ADMINISTRATIVE_RULE', 'POLICY')),
    CONSTRAINT consultation_dates CHECK (closes_at > opens_at)
);
CREATE INDEX consultation_by_state ON consultation (state, closes_at);

CREATE TABLE consultation_article (
    id               UUID PRIMARY KEY,
    consultation_id  UUID NOT NULL REFERENCES consultation (id),
    position         INTEGER NOT NULL,
    label            VARCHAR(40) NOT NULL,
    heading          VARCHAR(200) NOT NULL,
    body             TEXT NOT NULL,
    CONSTRAINT consultation_article_position UNIQUE (consultation_id, position)
);

CREATE TABLE consultation_document (
    id               UUID PRIMARY KEY,
    consultation_id  UUID NOT NULL REFERENCES consultation (id),
    name             VARCHAR(200) NOT NULL,
    url              VARCHAR(2000),
    media_type       VARCHAR(100),
    sha256           VARCHAR(64),
    size_bytes       BIGINT,
    content          BYTEA,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT consultation_document_link_or_file CHECK ((url IS NULL) <> (content IS NULL))
);
CREATE INDEX consultation_document_by_consultation ON consultation_document (consultation_id);

-- one answer may cover several comments the office merged as duplicates
CREATE TABLE consultation_answer (
    id               UUID PRIMARY KEY,
    consultation_id  UUID NOT NULL REFERENCES consultation (id),
    decision         VARCHAR(20) NOT NULL,
    reason           VARCHAR(4000) NOT NULL,
    answered_by      UUID NOT NULL,
    answered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT consultation_answer_decision CHECK (decision IN ('ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED', 'OUT_OF_SCOPE'))
);

CREATE TABLE consultation_comment (
    id               UUID PRIMARY KEY,
    consultation_id  UUID NOT NULL REFERENCES consultation (id),
    seq              BIGINT NOT NULL,
    article_id       UUID REFERENCES consultation_article (id),
    start_offset     INTEGER,
    end_offset       INTEGER,
    quote            VARCHAR(2000),
    body             VARCHAR(8000) NOT NULL,
    proposed_text    TEXT,
    author_id        UUID NOT NULL REFERENCES account (id),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    hidden           BOOLEAN NOT NULL DEFAULT FALSE,
    answer_id        UUID REFERENCES consultation_answer (id),
    CONSTRAINT consultation_comment_seq UNIQUE (consultation_id, seq),
    CONSTRAINT consultation_comment_passage CHECK ((start_offset IS NULL) = (end_offset IS NULL)
        AND (start_offset IS NULL OR (article_id IS NOT NULL AND start_offset >= 0 AND end_offset > start_offset)))
);
CREATE INDEX consultation_comment_by_answer ON consultation_comment (consultation_id, answer_id);

CREATE TABLE consultation_comment_reaction (
    id          UUID PRIMARY KEY,
    comment_id  UUID NOT NULL REFERENCES consultation_comment (id),
    account_id  UUID NOT NULL REFERENCES account (id),
    agree       BOOLEAN NOT NULL,
    CONSTRAINT consultation_comment_reaction_once UNIQUE (comment_id, account_id)
);

CREATE TABLE consultation_statement (
    id               UUID PRIMARY KEY,
    consultation_id  UUID NOT NULL REFERENCES consultation (id),
    seq              INTEGER NOT NULL,
    text             VARCHAR(10000) NOT NULL,
    author           VARCHAR(100) NOT NULL,
    author_account   UUID REFERENCES account (id),
    moderated        SMALLINT NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT consultation_statement_seq UNIQUE (consultation_id, seq),
    CONSTRAINT consultation_statement_moderated CHECK (moderated BETWEEN -1 AND 1)
);

-- participant: a pseudonym derived from the account for Madang's people, "polis-<id>" for imported ones
CREATE TABLE consultation_vote (
    id               UUID PRIMARY KEY,
    consultation_id  UUID NOT NULL REFERENCES consultation (id),
    statement_id     UUID NOT NULL REFERENCES consultation_statement (id),
    participant      VARCHAR(120) NOT NULL,
    vote             SMALLINT NOT NULL,
    voted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT consultation_vote_once UNIQUE (statement_id, participant),
    CONSTRAINT consultation_vote_value CHECK (vote BETWEEN -1 AND 1)
);
CREATE INDEX consultation_vote_by_consultation ON consultation_vote (consultation_id);
