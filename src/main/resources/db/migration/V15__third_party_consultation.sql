-- Third-party consultation (Art. 11(3), 21 of the Official Information Disclosure Act): the agency notifies a person
-- whose interests the requested information concerns; they may ask for non-disclosure within 3 days of the notice,
-- and a disclosure against that objection waits at least 30 days after the decision.
-- The notice link's secret is stored only as its SHA-256; the address is encrypted at rest (gcm1:…).
CREATE TABLE disclosure_third_party (
    id               UUID PRIMARY KEY,
    request_id       UUID           NOT NULL REFERENCES disclosure_request (id),
    name             VARCHAR(200)   NOT NULL,
    email            VARCHAR(1000)  NOT NULL,
    token_hash       VARCHAR(64)    NOT NULL UNIQUE,
    notified_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    objected_at      TIMESTAMP WITH TIME ZONE,
    objection_reason VARCHAR(4000),
    version          INTEGER        NOT NULL
);
CREATE INDEX disclosure_third_party_request ON disclosure_third_party (request_id, notified_at);
