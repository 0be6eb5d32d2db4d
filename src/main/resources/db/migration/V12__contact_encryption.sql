-- Contact data encrypted at rest (issue 10): the account e-mail and the outbox recipient become AES-GCM ciphertext
-- (org.madang.platform.personaldata.EncryptedString), found by exact address through a keyed HMAC of the normalised
-- address. Existing rows are converted at start by org.madang.privacy.control.ContactEncryption; until then their
-- look-up column is NULL and sign-in falls back to the plaintext column.
ALTER TABLE account DROP CONSTRAINT account_email;
ALTER TABLE account ALTER COLUMN email SET DATA TYPE VARCHAR(512);
ALTER TABLE account ADD COLUMN email_lookup VARCHAR(64);
ALTER TABLE account ADD CONSTRAINT account_email_lookup UNIQUE (email_lookup);

ALTER TABLE mail_outbox ALTER COLUMN recipient SET DATA TYPE VARCHAR(512);
ALTER TABLE mail_outbox ADD COLUMN recipient_lookup VARCHAR(64);
CREATE INDEX mail_outbox_recipient_lookup ON mail_outbox (recipient_lookup);

-- the pending new address of an e-mail change (and a refresh token's sign-in methods) is encrypted too
ALTER TABLE account_token ALTER COLUMN payload SET DATA TYPE VARCHAR(512);
