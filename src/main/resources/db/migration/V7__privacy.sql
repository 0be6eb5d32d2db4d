-- Privacy: consent ledger, personal-data access log (hash-chained), erasure requests and pseudonyms.
-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

-- the texts people agree to; a changed text is a new version, never an edit
CREATE TABLE privacy_consent_text (
    purpose       VARCHAR(30) NOT NULL,
    version       INTEGER NOT NULL,
    text_ko       VARCHAR(2000) NOT NULL,
    text_en       VARCHAR(2000) NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (purpose, version)
);
INSERT INTO privacy_consent_text (purpose, version, text_ko, text_en, published_at) VALUES
('POLL_DEMOGRAPHICS', 1,
 '설문 결과를 연령대·성별·거주 지역별로 집계해 공개하는 데 내 인구통계 정보를 씁니다. 개인을 알아볼 수 있는 결과는 공개하지 않으며 언제든 철회할 수 있습니다.',
 'My age band, gender and district are used to show poll results broken down by group. No result that could single me out is published, and I can withdraw at any time.',
 TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+09'),
('EMAIL_DIGEST', 1,
 '새 정책 의견수렴, 설문, 토론 주제를 모은 소식 메일을 내 이메일 주소로 받습니다. 언제든 철회할 수 있습니다.',
 'I receive a digest of new consultations, polls and forum topics at my e-mail address. I can withdraw at any time.',
 TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+09');

-- append-only: each grant and withdrawal, with the text version it answered
CREATE TABLE privacy_consent_event (
    id            UUID PRIMARY KEY,
    account_id    UUID NOT NULL REFERENCES account (id),
    purpose       VARCHAR(30) NOT NULL,
    text_version  INTEGER NOT NULL,
    granted       BOOLEAN NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (purpose, text_version) REFERENCES privacy_consent_text (purpose, version)
);
CREATE INDEX privacy_consent_event_account ON privacy_consent_event (account_id, purpose, at);

-- who read whose personal data, why; each entry's hash covers the previous one
CREATE TABLE privacy_access_entry (
    seq            BIGINT PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    staff_id       UUID NOT NULL,
    staff_roles    VARCHAR(200) NOT NULL,
    subject_id     UUID NOT NULL,
    fields         VARCHAR(500) NOT NULL,
    purpose        VARCHAR(300) NOT NULL,
    previous_hash  VARCHAR(64) NOT NULL,
    hash           VARCHAR(64) NOT NULL
);
CREATE INDEX privacy_access_entry_subject ON privacy_access_entry (subject_id, seq);
CREATE INDEX privacy_access_entry_at ON privacy_access_entry (at);

-- the chain's head, locked while appending; entries before first_seq were deleted by the retention job, which
-- keeps the hash of the last deleted one so the oldest kept entry is still anchored
CREATE TABLE privacy_access_head (
    id          INTEGER PRIMARY KEY,
    last_seq    BIGINT NOT NULL,
    last_hash   VARCHAR(64) NOT NULL,
    first_seq   BIGINT NOT NULL,
    anchor_hash VARCHAR(64) NOT NULL
);
INSERT INTO privacy_access_head (id, last_seq, last_hash, first_seq, anchor_hash) VALUES
(1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 1, '0000000000000000000000000000000000000000000000000000000000000000');

-- erasure requests, tracked against PIPA's 10-day deadline; the pseudonym number is stable for the person
CREATE TABLE privacy_erasure_request (
    id                   UUID PRIMARY KEY,
    account_id           UUID NOT NULL REFERENCES account (id),
    remove_contributions BOOLEAN NOT NULL,
    status               VARCHAR(10) NOT NULL,
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    due_on               DATE NOT NULL,
    completed_at         TIMESTAMP WITH TIME ZONE,
    completed_by         UUID,
    pseudonym_number     BIGINT,
    CONSTRAINT privacy_erasure_status CHECK (status IN ('PENDING', 'DONE')),
    CONSTRAINT privacy_erasure_pseudonym UNIQUE (pseudonym_number)
);
CREATE INDEX privacy_erasure_request_status ON privacy_erasure_request (status, due_on);
CREATE INDEX privacy_erasure_request_account ON privacy_erasure_request (account_id);

-- an erased account keeps its row (other tables refer to it) but nothing that names the person
ALTER TABLE account ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- the district is encrypted at rest (AES-GCM, "gcm1:<key id>:<base64>"): room for the ciphertext
ALTER TABLE account ALTER COLUMN resident_district SET DATA TYPE VARCHAR(400);
