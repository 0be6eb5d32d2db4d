package org.madang.ballot.verify;

/** The verification steps of ElectionGuard 2.1.0 (spec section 6), numbered as the spec numbers them. */
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
    PRE_ENCRYPTED_BALLOTS(15, "Pre-encrypted ballots (verifications 15-18)");

    private final int number;
    private final String title;

    VerificationStep(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }
}
