package org.madang.ballot.encrypt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.EncryptedBallot;
import org.madang.ballot.record.Manifest;

/**
 * Opens a challenged ballot with its master nonce, as a voter's own device (or anyone the voter
 * gives the nonce) can: every ciphertext must be (g^ξ, K^(ξ+σ)) with the derived ξ and a σ within
 * the option limit, and the contest data must authenticate. The opening needs no guardian; the
 * record's guardian decryption of the same ballot (challenged_ballots/) must agree with it.
 */
public final class BallotOpening {

    private BallotOpening() {
    }

    /** The plaintext the ballot encrypts, or empty when the nonce does not open it. */
    public static Optional<PlaintextBallot> open(BallotEncryptor encryptor, EncryptedBallot ballot, HashValue masterNonce) {
        ElectionKey key = encryptor.key();
        Map<String, Manifest.Contest> specs = encryptor.manifest().contestsById();
        List<PlaintextBallot.Contest> contests = new ArrayList<>();
        for (EncryptedBallot.Contest c : ballot.contests()) {
            Manifest.Contest spec = specs.get(c.contestId());
            if (spec == null) {
                return Optional.empty();
            }
            Map<String, Integer> votes = new LinkedHashMap<>();
            for (EncryptedBallot.Selection s : c.selections()) {
                Scalar xi = encryptor.selectionNonce(masterNonce, c.sequenceOrder(), s.sequenceOrder());
                ElGamalCiphertext ct = s.ciphertext();
                if (!key.generatorBase().pow(xi).equals(ct.pad())) {
                    return Optional.empty();
                }
                Element kSigma = ct.data().divide(key.publicKeyBase().pow(xi));
                Integer vote = null;
                Element power = key.group().identity();
                for (int v = 0; v <= spec.optionLimit(); v++) {
                    if (power.equals(kSigma)) {
                        vote = v;
                        break;
                    }
                    power = power.multiply(key.publicKey());
                }
                if (vote == null) {
                    return Optional.empty();
                }
                votes.put(s.selectionId(), vote);
            }
            Scalar dataNonce = encryptor.contestDataNonce(masterNonce, c.sequenceOrder());
            Optional<ContestData> data = c.contestData().decrypt(key, c.contestId(), key.publicKeyBase().pow(dataNonce))
                    .flatMap(ContestData::decode);
            if (data.isEmpty()) {
                return Optional.empty();
            }
            contests.add(new PlaintextBallot.Contest(c.contestId(), votes, data.get().writeIns()));
        }
        return Optional.of(new PlaintextBallot(ballot.ballotId(), ballot.ballotStyleId(), contests));
    }
}
