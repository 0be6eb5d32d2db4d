-- Publication catalogue (issue 9): documents agencies publish of their own accord, in versions with files.
-- Nothing here names a person: who published what is in the audit log.

CREATE TABLE publication (
    id                UUID PRIMARY KEY,
    agency_id         UUID          NOT NULL REFERENCES organisation (id),
    kind              VARCHAR(20)   NOT NULL,
    title_ko          VARCHAR(300)  NOT NULL,
    title_en          VARCHAR(300)  NOT NULL,
    category          VARCHAR(30)   NOT NULL,
    published_on      DATE          NOT NULL,
    legal_basis       VARCHAR(300),
    language          VARCHAR(2)    NOT NULL,
    licence           VARCHAR(20)   NOT NULL,
    description       VARCHAR(4000) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at      TIMESTAMP WITH TIME ZONE,
    withdrawal_reason VARCHAR(2000),
    version           INTEGER       NOT NULL,
    CONSTRAINT publication_kind CHECK (kind IN ('DECISION', 'REPORT', 'STATISTICS', 'MINUTES', 'DATASET')),
    CONSTRAINT publication_language CHECK (language IN ('ko', 'en'))
);
CREATE INDEX publication_agency ON publication (agency_id, published_on);
CREATE INDEX publication_category ON publication (category, published_on);
CREATE INDEX publication_published ON publication (published_on, created_at);

-- Version 1 is made with the publication; each later version supersedes the one before, and all stay listed.
CREATE TABLE publication_version (
    id             UUID PRIMARY KEY,
    publication_id UUID          NOT NULL REFERENCES publication (id),
    number         INTEGER       NOT NULL,
    note           VARCHAR(2000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT publication_version_number UNIQUE (publication_id, number)
);

-- Files of a version, with the type read from their bytes, their SHA-256, and the text of text-like files for search.
CREATE TABLE publication_file (
    id             UUID PRIMARY KEY,
    version_id     UUID          NOT NULL REFERENCES publication_version (id),
    file_name      VARCHAR(200)  NOT NULL,
    content_type   VARCHAR(50)   NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    content        BYTEA         NOT NULL,
    extracted_text VARCHAR(20000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX publication_file_version ON publication_file (version_id);
