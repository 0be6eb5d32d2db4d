package org.madang.ballot.keyceremony;

/** A key ceremony message that must be refused: a bad proof, a share that fails its commitments, a wrong recipient. */
public final class KeyCeremonyException extends Exception {
    public KeyCeremonyException(String message) {
        super(message);
    }
}
