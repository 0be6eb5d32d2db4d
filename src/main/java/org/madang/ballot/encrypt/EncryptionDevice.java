package org.madang.ballot.encrypt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.madang.ballot.crypto.ConfirmationCodes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.record.BallotChain;
import org.madang.ballot.record.BallotState;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.EncryptedBallot;

/**
 * One encrypting device. It decides each ballot's B_aux: the configured B_aux,0 when codes are
 * not chained; otherwise H_(j−1) ∥ B_aux,0 starting from H_0 = H(H_E; 0x24, B_aux,0) (spec 2.1.0
 * eq 59–61; an empty configured B_aux,0 means the device name, as in egk-ec). Ballots must be
 * encrypted one after the other on a chaining device, hence the synchronisation.
 */
public final class EncryptionDevice {

    private final BallotEncryptor encryptor;
    private final String deviceId;
    private final boolean chained;
    private final byte[] baux0;
    private final List<String> chainIds = new ArrayList<>();
    private HashValue previous;
    private boolean closed;

    public EncryptionDevice(BallotEncryptor encryptor, String deviceId, ElectionConfig config) {
        this.encryptor = encryptor;
        this.deviceId = deviceId;
        this.chained = config.chainConfirmationCodes();
        byte[] configured = config.baux0();
        this.baux0 = chained && configured.length == 0 ? deviceId.getBytes(StandardCharsets.UTF_8) : configured;
        this.previous = ConfirmationCodes.chainStart(encryptor.key().extendedBaseHash(), baux0);
    }

    public String deviceId() {
        return deviceId;
    }

    public synchronized EncryptedBallot encrypt(PlaintextBallot ballot, HashValue masterNonce, long timestamp, BallotState state) {
        if (closed) {
            throw new IllegalStateException("the chain of device " + deviceId + " is closed");
        }
        byte[] codeBaux = chained ? ConfirmationCodes.chainedBaux(previous, baux0) : baux0;
        EncryptedBallot encrypted = encryptor.encrypt(ballot, masterNonce, deviceId, timestamp, codeBaux, state);
        if (chained) {
            previous = encrypted.confirmationCode();
            chainIds.add(encrypted.ballotId());
        }
        return encrypted;
    }

    /** Closes the chain: the ballot_chain.json content, with the closing hash. Empty when codes are not chained. */
    public synchronized java.util.Optional<BallotChain> close() {
        closed = true;
        if (!chained) {
            return java.util.Optional.empty();
        }
        HashValue he = encryptor.key().extendedBaseHash();
        return java.util.Optional.of(new BallotChain(deviceId, baux0, he, chainIds, previous,
                ConfirmationCodes.closingHash(he, previous, baux0)));
    }
}
