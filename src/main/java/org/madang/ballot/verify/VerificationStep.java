package org.madang.ballot.verify;

/**
 * The verification steps: those of ElectionGuard 2.1.0 (spec section 6), numbered as the spec numbers them, then
 * Madang's own checks of the extension files under {@code madang/}, labelled M1, M2, ... so that they can never be
 * mistaken for a step of the spec.
 */
public enum VerificationStep {
    PARAMETERS(1, "Parameter validation (group, H_P, H_M, H_B)"),
    GUARDIAN_PUBLIC_KEYS(2, "Guardian public-key validation (Schnorr proofs)"),
    ELECTION_PUBLIC_KEY(3, "Election public-key validation (K = product of K_i)"),
    EXTENDED_BASE_HASH(4, "Extended base hash validation (H_E)"),
    SELECTION_ENCRYPTIONS(5, "Well-formedness of selection encryptions (range proofs, option limits)"),
    VOTE_LIMITS(6, "Adherence to vote limits (contest range proofs)"),
    CONFIRMATION_CODES(7, "Validation of confirmation codes (contest hashes, codes, uniqueness, chaining)"),
    BALLOT_AGGREGATION(8, "Correctness of ballot aggregation (encrypted tally)"),
    TALLY_DECRYPTION(9, "Correctness of tally decryptions (proofs, T = K^t)"),
    TALLY_VALIDATION(10, "Validation of the decrypted tally against manifest and encrypted tally"),
    TALLY_CONTEST_DATA(11, "Correctness of contest data decryptions in the tally"),
    CHALLENGED_DECRYPTION(12, "Correctness of decryptions of challenged ballots"),
    CHALLENGED_VALIDATION(13, "Validation of challenged ballots (limits, manifest, matching encrypted ballot)"),
    CHALLENGED_CONTEST_DATA(14, "Correctness of contest data decryptions of challenged ballots"),
    PRE_ENCRYPTED_BALLOTS(15, "Pre-encrypted ballots (verifications 15-18)"),

    BOARD_CHAIN("M1", "Madang bulletin board hash chain (genesis H_E, positions, hashes, head)"),
    CREDENTIAL_SIGNATURES("M2", "Madang voter credentials (listed credentials, ballot signatures)"),
    COUNTED_BALLOTS("M3", "Madang counted, challenged and superseded ballots against the board"),
    UNIQUE_CONFIRMATION_CODES("M4", "Madang board uniqueness (confirmation codes, ballot ids)"),
    RECEIPT_KEY("M5", "Madang receipt key (public P-256 key only)");

    private final String label;
    private final String title;
    private final boolean madangExtension;

    VerificationStep(int specNumber, String title) {
        this(String.valueOf(specNumber), title, false);
    }

    VerificationStep(String madangLabel, String title) {
        this(madangLabel, title, true);
    }

    VerificationStep(String label, String title, boolean madangExtension) {
        this.label = label;
        this.title = title;
        this.madangExtension = madangExtension;
    }

    /** The spec's number of this step. Madang's extension steps have none: ask {@link #label()} instead. */
    public int number() {
        if (madangExtension) {
            throw new IllegalStateException(name() + " is a Madang extension step, not a step of the spec");
        }
        return Integer.parseInt(label);
    }

    /** "1" .. "15" for the spec's steps, "M1" .. for Madang's. */
    public String label() {
        return label;
    }

    /** True for the checks of Madang's {@code madang/} files, which only records written by Madang have. */
    public boolean madangExtension() {
        return madangExtension;
    }

    public String title() {
        return title;
    }
}
