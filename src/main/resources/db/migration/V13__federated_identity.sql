-- OpenID Connect sign-in: which provider account (issuer + subject) signs in to which Madang account.
CREATE TABLE federated_identity (
    id          UUID PRIMARY KEY,
    account_id  UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    issuer      VARCHAR(500) NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT federated_identity_subject UNIQUE (issuer, subject)
);
CREATE INDEX federated_identity_account ON federated_identity (account_id);
