-- Quick opinion polls (issue 8). Options are a small JSON array of {ko, en} texts.
CREATE TABLE poll (
    id               UUID PRIMARY KEY,
    organisation_id  UUID REFERENCES organisation (id),
    kind             VARCHAR(20)  NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    question_ko      VARCHAR(500) NOT NULL,
    question_en      VARCHAR(500) NOT NULL,
    options_json     VARCHAR(20000) NOT NULL,
    min_choices      INTEGER NOT NULL,
    max_choices      INTEGER NOT NULL,
    audience         VARCHAR(20)  NOT NULL,
    districts        VARCHAR(2000) NOT NULL DEFAULT '',
    opens_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    allow_change     BOOLEAN NOT NULL,
    visibility       VARCHAR(20)  NOT NULL,
    k_threshold      INTEGER NOT NULL,
    proposed_by      UUID NOT NULL REFERENCES account (id),
    approved_by      UUID REFERENCES account (id),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT poll_kind CHECK (kind IN ('SINGLE', 'MULTIPLE', 'RATING', 'RANKED')),
    CONSTRAINT poll_state CHECK (state IN ('PROPOSED', 'PUBLISHED', 'REJECTED')),
    CONSTRAINT poll_audience CHECK (audience IN ('SIGNED_IN', 'VERIFIED_RESIDENTS', 'DISTRICTS')),
    CONSTRAINT poll_visibility CHECK (visibility IN ('LIVE', 'AFTER_VOTING', 'AFTER_CLOSE')),
    CONSTRAINT poll_k CHECK (k_threshold >= 5),
    CONSTRAINT poll_times CHECK (closes_at > opens_at)
);
CREATE INDEX poll_listing ON poll (state, opens_at);

-- One response per person per poll, enforced here (the race between two requests of one account ends at this constraint).
CREATE TABLE poll_response (
    id            UUID PRIMARY KEY,
    poll_id       UUID NOT NULL REFERENCES poll (id) ON DELETE CASCADE,
    account_id    UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    answer        VARCHAR(400) NOT NULL,  -- option indexes (in rank order for RANKED) or the rating, comma-separated
    district      VARCHAR(100),
    age_band      VARCHAR(10),
    gender        VARCHAR(10),
    answered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT poll_response_once UNIQUE (poll_id, account_id)
);

-- Stand-in until the consent ledger of issue 10: optional profile attributes a person shares with poll breakdowns.
CREATE TABLE poll_attribute_consent (
    account_id      UUID PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    birth_year      INTEGER,
    gender          VARCHAR(10),
    share_district  BOOLEAN NOT NULL DEFAULT FALSE,
    consented_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT poll_consent_gender CHECK (gender IS NULL OR gender IN ('FEMALE', 'MALE', 'OTHER'))
);
