-- Disclosure workflow remainder (issue 9): documents released with a decision.

-- A released document holds ONLY its redacted rendering: the text the official uploaded, with every marked passage
-- already replaced by its "[비공개: 제9조제1항제N호]" placeholder. The original text is never written anywhere.
CREATE TABLE disclosure_document (
    id               UUID PRIMARY KEY,
    request_id       UUID          NOT NULL REFERENCES disclosure_request (id),
    title            VARCHAR(200)  NOT NULL,
    media_type       VARCHAR(30)   NOT NULL,
    redacted_content BYTEA         NOT NULL,
    size_bytes       INTEGER       NOT NULL,
    redacted_count   INTEGER       NOT NULL,
    grounds          VARCHAR(100)  NOT NULL,
    attached_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT disclosure_document_media CHECK (media_type IN ('text/plain', 'text/markdown'))
);
CREATE INDEX disclosure_document_request ON disclosure_document (request_id, attached_at);

-- Clarification (보완 요청): the decision clock stops from the official's question until the requester's answer.
-- The question and answer are those of the latest round; the days of answered rounds add up.
ALTER TABLE disclosure_request ADD COLUMN clarification_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE disclosure_request ADD COLUMN clarification_question VARCHAR(2000);
ALTER TABLE disclosure_request ADD COLUMN clarified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE disclosure_request ADD COLUMN clarification_answer VARCHAR(4000);
ALTER TABLE disclosure_request ADD COLUMN clarification_paused_days INTEGER DEFAULT 0 NOT NULL;

-- Transfer (이송, Art. 11(4)): agency_id becomes the receiving agency; the first one is kept for the record.
ALTER TABLE disclosure_request ADD COLUMN transferred_from_agency_id UUID REFERENCES organisation (id);
ALTER TABLE disclosure_request ADD COLUMN transferred_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE disclosure_request ADD COLUMN transfer_reason VARCHAR(2000);
