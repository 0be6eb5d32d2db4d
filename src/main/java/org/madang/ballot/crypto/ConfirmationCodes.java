package org.madang.ballot.crypto;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.madang.ballot.group.Bytes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.hash.Hasher;

/** Contest hashes, ballot confirmation codes and their chaining (spec 2.1.0 section 3.4; Verification 7). */
public final class ConfirmationCodes {

    private ConfirmationCodes() {
    }

    /** χ_l = H(H_E; 0x23, b(l, 4), K, α_1, β_1, ..., α_m, β_m) with l the contest's sequence order. */
    public static HashValue contestHash(ElectionKey key, int contestSequenceOrder, List<ElGamalCiphertext> selections) {
        Hasher h = Hasher.with(key.extendedBaseHash(), 0x23).int4(contestSequenceOrder).element(key.publicKey());
        selections.forEach(h::ciphertext);
        return h.digest();
    }

    /** H(B) = H(H_E; 0x24, χ_1, ..., χ_mB, B_aux). */
    public static HashValue confirmationCode(ElectionKey key, List<HashValue> contestHashes, byte[] codeBaux) {
        Hasher h = Hasher.with(key.extendedBaseHash(), 0x24);
        contestHashes.forEach(h::hash);
        return h.bytes(codeBaux).digest();
    }

    /** H_0 = H(H_E; 0x24, B_aux,0), the start of a device's chain. */
    public static HashValue chainStart(HashValue extendedBaseHash, byte[] baux0) {
        return Hasher.with(extendedBaseHash, 0x24).bytes(baux0).digest();
    }

    /** B_aux,j = H(B_(j−1)) ∥ B_aux,0. */
    public static byte[] chainedBaux(HashValue previousCode, byte[] baux0) {
        return Bytes.concat(previousCode.bytes(), baux0);
    }

    /** The closing hash H(H_E; 0x24, H(B_ℓ) ∥ B_aux,0 ∥ b("CLOSE", 5)). */
    public static HashValue closingHash(HashValue extendedBaseHash, HashValue lastCode, byte[] baux0) {
        return Hasher.with(extendedBaseHash, 0x24)
                .bytes(Bytes.concat(lastCode.bytes(), baux0, "CLOSE".getBytes(StandardCharsets.US_ASCII))).digest();
    }
}
