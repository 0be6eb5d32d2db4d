-- Issue 10: the voter roll's e-mail addresses are contact data, encrypted at rest like the account's (V12). The
-- keyed hash of the normalised address keeps each address once per roll and matches a signed-in voter to an
-- imported roll; rows written before this are encrypted at start-up (ContactEncryption).
ALTER TABLE election_voter DROP CONSTRAINT election_voter_email;
ALTER TABLE election_voter ALTER COLUMN email SET DATA TYPE VARCHAR(512);
ALTER TABLE election_voter ADD COLUMN email_lookup VARCHAR(64);
ALTER TABLE election_voter ADD CONSTRAINT election_voter_email_lookup UNIQUE (election_id, email_lookup);
